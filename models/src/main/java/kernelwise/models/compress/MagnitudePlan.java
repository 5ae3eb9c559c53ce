package kernelwise.models.compress;

import kernelwise.models.plan.CompressionPlan;
import kernelwise.models.plan.LayerInfo;
import kernelwise.models.plan.LayerPlan;
import kernelwise.models.plan.NetworkSpec;
import org.deeplearning4j.nn.api.Model;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.util.ArrayList;
import java.util.List;

/**
 * A plan read off a trained network's weights, the way magnitude pruning allocates sparsity: each layer keeps
 * the given fraction of its weights, chosen by one magnitude threshold for the whole layer, so kernels with large
 * weights keep many and weak kernels few or none. A kernel left with fewer than {@code minKept} weights is
 * removed and its share handed out one weight at a time, each to the kept kernel with the largest weight norm
 * per kept weight, so the layer keeps its count. Every kernel of a layer gets the layer's bits.
 */
public final class MagnitudePlan {

    private MagnitudePlan() {
    }

    /**
     * @param density        per compressible layer, the fraction of its weights kept, in (0, 1]
     * @param weightBits     per layer, the bits of its kernels (1..8 or 32)
     * @param activationBits the activation bits of every layer
     * @param minKept        the fewest weights a kernel that is not removed keeps (>= 1)
     */
    public static CompressionPlan of(Model model, double[] density, int[] weightBits, int activationBits, int minKept) {
        List<CompressibleLayer> layers = NetworkSpecs.layers(model);
        NetworkSpec spec = NetworkSpecs.of(model);
        if (density.length != layers.size()) throw new IllegalArgumentException("density needs one value per layer (" + layers.size() + "), found " + density.length);
        if (weightBits.length != layers.size()) throw new IllegalArgumentException("weight bits need one value per layer (" + layers.size() + "), found " + weightBits.length);
        if (minKept < 1) throw new IllegalArgumentException("minKept must be >= 1, found " + minKept);
        List<LayerPlan> plans = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            LayerInfo l = layers.get(i).info();
            if (!(density[i] > 0 && density[i] <= 1)) throw new IllegalArgumentException("density of layer " + l.name() + " must be in (0, 1], found " + density[i]);
            if (!CompressionPlan.validWeightBits(weightBits[i])) throw new IllegalArgumentException("weight bits of layer " + l.name() + " must be 1..8 or 32, found " + weightBits[i]);
            int[] kept = keptPerKernel(LayerWeights.read(layers.get(i)), density[i], Math.min(minKept, l.fanIn()));
            double[] sparsity = new double[l.kernels()];
            int[] bits = new int[l.kernels()];
            for (int k = 0; k < l.kernels(); k++) {
                sparsity[k] = (l.fanIn() - kept[k]) / (double) l.fanIn();
                bits[k] = weightBits[i];
            }
            plans.add(new LayerPlan(l.name(), activationBits, bits, sparsity));
        }
        return CompressionPlan.of(spec, plans);
    }

    /**
     * Global magnitude pruning: every kernel keeps its weights whose magnitude is among the {@code density} largest of
     * all the layers' weights together (one threshold for the network), every kernel at {@code weightBits}, every
     * layer's input at {@code activationBits}.
     */
    public static CompressionPlan global(NetworkSpec spec, KernelMagnitudes m, double density, int weightBits, int activationBits) {
        double t = m.globalThreshold(density);
        List<LayerPlan> layers = new ArrayList<>();
        for (int i = 0; i < spec.size(); i++) {
            LayerInfo l = spec.layer(i);
            int[] bits = new int[l.kernels()];
            double[] sparsity = new double[l.kernels()];
            for (int k = 0; k < l.kernels(); k++) {
                bits[k] = weightBits;
                sparsity[k] = (l.fanIn() - m.kept(i, k, t)) / (double) l.fanIn();
            }
            layers.add(new LayerPlan(l.name(), activationBits, bits, sparsity));
        }
        return CompressionPlan.of(spec, layers);
    }

    /** Kept weights per kernel: the layer's {@code density} largest magnitudes, no kernel with 1..minKept-1. */
    static int[] keptPerKernel(INDArray w, double density, int minKept) {
        int kernels = (int) w.rows(), fanIn = (int) w.columns();
        int total = (int) Math.max(1, Math.round(density * kernels * fanIn));
        INDArray sorted = Nd4j.sort(Transforms.abs(w, true).reshape(-1).dup(), false);
        float threshold = sorted.getFloat(total - 1);
        int[] kept = Transforms.abs(w, true).gte(threshold).castTo(org.nd4j.linalg.api.buffer.DataType.INT).sum(1).toIntVector();
        int excess = java.util.Arrays.stream(kept).sum() - total;
        float[] rowMax = Transforms.abs(w, true).max(1).toFloatVector();
        for (; excess > 0; excess--) kept[weakest(kept, rowMax)]--;
        int freed = 0;
        for (int k = 0; k < kernels; k++) {
            if (kept[k] > 0 && kept[k] < minKept) {
                freed += kept[k];
                kept[k] = 0;
            }
        }
        float[] norms = w.norm2(1).toFloatVector();
        while (freed > 0) {
            int best = -1;
            for (int k = 0; k < kernels; k++) {
                if (kept[k] > 0 && kept[k] < fanIn && (best < 0 || norms[k] / (kept[k] + 1) > norms[best] / (kept[best] + 1))) best = k;
            }
            if (best < 0) break;
            kept[best]++;
            freed--;
        }
        return kept;
    }

    /** The kernel of smallest peak magnitude among those keeping any weight (ties at the threshold are taken from it). */
    private static int weakest(int[] kept, float[] rowMax) {
        int best = -1;
        for (int k = 0; k < kept.length; k++) {
            if (kept[k] > 0 && (best < 0 || rowMax[k] < rowMax[best])) best = k;
        }
        return best;
    }
}
