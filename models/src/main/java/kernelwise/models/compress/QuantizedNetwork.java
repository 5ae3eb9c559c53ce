package kernelwise.models.compress;

import kernelwise.models.plan.NetworkSpec;
import org.deeplearning4j.nn.api.Model;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A working copy of a network that runs with given weights and activation quantizers: the {@link FastForward}
 * pass, or for networks it does not support, a DL4J {@link QuantizedCopy}. Allocated once, overwritten per plan;
 * the source network is only read. Not thread-safe.
 */
public interface QuantizedNetwork {

    /** The compressible layers. */
    NetworkSpec spec();

    /**
     * Overwrites compressible layer {@code layer}'s weights with a {@code [kernels, fanIn]} matrix; the kernels
     * flagged {@code removed} get a zero bias (the others the source's).
     */
    void setWeights(int layer, INDArray kernelsByFanIn, boolean[] removed);

    /** Sets each compressible layer's input quantizer (null entries: float). */
    void setActivationQuant(ActivationQuant[] quants);

    /** Inference output (softmax probabilities) for features {@code [N, inputs]}. */
    INDArray output(INDArray features);

    /** The range of each compressible layer's float input over {@code data} with the current weights. */
    ActivationRanges calibrate(DataSet data, int batchSize);

    /** The fast pass for {@code model}, or the DL4J copy if the fast pass does not support it (logged). */
    static QuantizedNetwork of(Model model) {
        try {
            return FastForward.compile(model);
        } catch (UnsupportedNetworkException e) {
            Logger log = LoggerFactory.getLogger(QuantizedNetwork.class);
            log.warn("direct forward pass unavailable ({}); scoring with DL4J output() on a quantized copy, much slower", e.getMessage());
            return QuantizedCopy.of(model);
        }
    }
}
