package kernelwise.models.compress;

import kernelwise.models.plan.LayerInfo;
import org.deeplearning4j.nn.api.Layer;

/**
 * One compressible layer of a live DL4J network: its shape facts and the layer object holding its parameters.
 *
 * @param info  the layer's shape facts (as in the {@link kernelwise.models.plan.NetworkSpec})
 * @param layer the DL4J layer of the network whose parameters a plan changes
 */
public record CompressibleLayer(LayerInfo info, Layer layer) {
}
