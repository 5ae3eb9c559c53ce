package kernelwise.models.finetune;

import kernelwise.models.compress.KernelProjection;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.buffer.DataType;

import java.util.List;

/** Hard projection of a network's weights onto its plan, and the check that they lie in it. */
public final class PlanProjection {

    private PlanProjection() {
    }

    /** Writes the projection of every layer's weights onto its plan into the network. */
    public static void apply(List<PlanLayer> layers) {
        for (PlanLayer l : layers) {
            INDArray w = l.kernels();
            w.assign(KernelProjection.project(w, l.plan()).weights());
            l.zeroRemovedBiases();
        }
    }

    /**
     * Whether every layer's weights already lie in its plan's set: projecting them changes nothing (within
     * {@code tolerance}, relative to the largest weight) and every kernel has at least as many zeros as its
     * sparsity prunes.
     *
     * @return null if they do, otherwise a message naming the first layer and kernel that does not
     */
    public static String violation(List<PlanLayer> layers, double tolerance) {
        for (PlanLayer l : layers) {
            INDArray w = l.kernels();
            double scale = Math.max(1e-12, w.amaxNumber().doubleValue());
            double diff = KernelProjection.project(w, l.plan()).weights().sub(w).amaxNumber().doubleValue();
            if (diff > tolerance * scale) return "layer " + l.info().name() + ": projection moves weights by " + diff;
            INDArray zeros = w.eq(0).castTo(DataType.INT).sum(1);
            int fanIn = l.info().fanIn();
            for (int k = 0; k < l.info().kernels(); k++) {
                int pruned = fanIn - l.plan().keptWeights(k, fanIn);
                if (zeros.getInt(k) < pruned) {
                    return "layer " + l.info().name() + " kernel " + k + ": " + zeros.getInt(k) + " zeros, plan prunes " + pruned;
                }
                if (pruned == fanIn && l.bias() != null && l.bias().reshape(-1).getDouble(k) != 0.0) {
                    return "layer " + l.info().name() + " kernel " + k + ": removed, but its bias is " + l.bias().reshape(-1).getDouble(k);
                }
            }
        }
        return null;
    }
}
