package kernelwise.models.attach;

import kernelwise.models.compress.CompressibleLayer;
import kernelwise.models.compress.LayerWeights;
import kernelwise.models.compress.NetworkSpecs;
import kernelwise.models.plan.CompressionPlan;
import kernelwise.models.plan.NetworkSpec;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/** What {@link PlanAttachment#attach} checks before it changes anything: one-line errors naming the layer. */
final class Checks {

    private Checks() {
    }

    /**
     * The network's compressible layers, once the plan fits them, no plan is attached and every layer is one a plan
     * can hold.
     */
    static List<CompressibleLayer> layers(Model network, CompressionPlan plan) {
        if (network == null || plan == null) throw new IllegalArgumentException("attach needs a network and a plan, found " + network + " and " + plan);
        if (!(network instanceof MultiLayerNetwork) && !(network instanceof ComputationGraph)) {
            throw new IllegalArgumentException("a plan attaches to a MultiLayerNetwork or ComputationGraph, found " + network.getClass().getSimpleName());
        }
        List<CompressibleLayer> layers = NetworkSpecs.layers(network);
        for (CompressibleLayer c : layers) {
            if (((BaseLayer) c.layer().conf().getLayer()).getWeightNoise() instanceof PlanWeightNoise p && p.owner() != null && p.owner().attached()) {
                throw new IllegalStateException("layer '" + c.info().name() + "': a plan is already attached to this network; detach it first");
            }
        }
        try {
            plan.checkAgainst(new NetworkSpec(layers.stream().map(CompressibleLayer::info).toList()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the plan does not fit this network (" + plan.network() + "?): " + e.getMessage(), e);
        }
        Set<Layer> compressible = Collections.newSetFromMap(new IdentityHashMap<>());
        for (CompressibleLayer c : layers) {
            compressible.add(c.layer());
            BaseLayer conf = (BaseLayer) c.layer().conf().getLayer();
            if (conf.getWeightNoise() != null && !(conf.getWeightNoise() instanceof PlanWeightNoise)) {
                throw new IllegalArgumentException("layer '" + c.info().name() + "' has its own weight noise (" + conf.getWeightNoise().getClass().getSimpleName()
                        + "): a plan decides the weights its forward pass sees; remove it before attaching");
            }
            DataType type = c.layer().getParam(LayerWeights.WEIGHT_KEY).dataType();
            if (type != DataType.FLOAT) throw new IllegalArgumentException("layer '" + c.info().name() + "' has " + type + " weights; a plan needs FLOAT");
        }
        Layer[] all = network instanceof MultiLayerNetwork m ? m.getLayers() : ((ComputationGraph) network).getLayers();
        for (Layer l : all) {
            if (compressible.contains(l) || l.numParams() == 0 || l.conf().getLayer() instanceof BatchNormalization) continue;
            throw new IllegalArgumentException("layer '" + l.conf().getLayer().getLayerName() + "' (" + l.conf().getLayer().getClass().getSimpleName()
                    + ") has parameters a plan cannot hold: a plan compresses dense, output and 2-D convolution layers, batch norm stays float");
        }
        return layers;
    }
}
