package kernelwise.models.compress;

import kernelwise.models.plan.LayerInfo;
import kernelwise.models.plan.LayerKind;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Arrays;

/**
 * A compressible layer's weights as a {@code [kernels, fanIn]} matrix, one kernel per row.
 * Conv {@code W} is {@code [nOut, nIn, kH, kW]} in C order: a row is one output channel's filter flattened in
 * {@code (inC, kH, kW)} order. Dense/output {@code W} is {@code [nIn, nOut]} (F order): a row is one column of W.
 */
public final class LayerWeights {

    /** The parameter key of the weights in DL4J's conv, dense and output layers. */
    public static final String WEIGHT_KEY = "W";
    /** The parameter key of the bias (one per kernel) in the same layers. */
    public static final String BIAS_KEY = "b";

    private LayerWeights() {
    }

    /** A copy (C order) of the layer's weights as {@code [kernels, fanIn]}. */
    public static INDArray read(CompressibleLayer layer) {
        INDArray w = layer.layer().getParam(WEIGHT_KEY);
        LayerInfo info = layer.info();
        if (info.kind() == LayerKind.CONV) return w.dup('c').reshape('c', info.kernels(), info.fanIn());
        return w.transpose().dup('c');
    }

    /** Writes a {@code [kernels, fanIn]} matrix into the network's parameters (through the parameter view). */
    public static void write(CompressibleLayer layer, INDArray matrix) {
        LayerInfo info = layer.info();
        long[] expected = {info.kernels(), info.fanIn()};
        if (!Arrays.equals(matrix.shape(), expected)) {
            throw new IllegalArgumentException("weights of layer " + info.name() + " must be " + Arrays.toString(expected)
                    + ", found " + Arrays.toString(matrix.shape()));
        }
        INDArray w = layer.layer().getParam(WEIGHT_KEY);
        if (info.kind() == LayerKind.CONV) w.assign(matrix.reshape('c', w.shape()));
        else w.assign(matrix.transpose());
    }
}
