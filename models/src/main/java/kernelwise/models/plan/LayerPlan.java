package kernelwise.models.plan;

import java.util.Arrays;

/**
 * What one compressible layer becomes: its activation bits and, per kernel, weight bits and sparsity.
 * Immutable: the arrays are copied in and out; use {@link #weightBits(int)} and {@link #sparsity(int)} in hot
 * loops.
 *
 * @param layer          the layer's name in the network
 * @param activationBits bits of the layer's input activations, 2..8 or {@link CompressionPlan#FLOAT_BITS}
 * @param weightBits     per kernel: 1..8 or {@link CompressionPlan#FLOAT_BITS} (kept in float)
 * @param sparsity       per kernel: fraction of its weights set to zero, in [0,1]; 1 removes the kernel
 */
public record LayerPlan(String layer, int activationBits, int[] weightBits, double[] sparsity) {

    public LayerPlan {
        if (layer == null || layer.isBlank()) throw new IllegalArgumentException("layer name must not be blank, found '" + layer + "'");
        if (!CompressionPlan.validActivationBits(activationBits)) {
            throw new IllegalArgumentException("layer " + layer + ": activation bits must be 2..8 or 32, found " + activationBits);
        }
        if (weightBits == null || sparsity == null) throw new IllegalArgumentException("layer " + layer + ": weightBits and sparsity must not be null");
        if (weightBits.length != sparsity.length) {
            throw new IllegalArgumentException("layer " + layer + ": " + weightBits.length + " weight-bit entries but " + sparsity.length + " sparsity entries");
        }
        if (weightBits.length == 0) throw new IllegalArgumentException("layer " + layer + ": needs at least one kernel, found 0");
        weightBits = weightBits.clone();
        sparsity = sparsity.clone();
        for (int k = 0; k < weightBits.length; k++) {
            if (!CompressionPlan.validWeightBits(weightBits[k])) {
                throw new IllegalArgumentException("layer " + layer + " kernel " + k + ": weight bits must be 1..8 or 32, found " + weightBits[k]);
            }
            if (!(sparsity[k] >= 0.0 && sparsity[k] <= 1.0)) {
                throw new IllegalArgumentException("layer " + layer + " kernel " + k + ": sparsity must be in [0,1], found " + sparsity[k]);
            }
        }
    }

    /** A layer plan with every kernel alike. */
    public static LayerPlan uniform(String layer, int kernels, int activationBits, int weightBits, double sparsity) {
        int[] bits = new int[kernels];
        double[] sp = new double[kernels];
        Arrays.fill(bits, weightBits);
        Arrays.fill(sp, sparsity);
        return new LayerPlan(layer, activationBits, bits, sp);
    }

    public int kernels() {
        return weightBits.length;
    }

    @Override
    public int[] weightBits() {
        return weightBits.clone();
    }

    @Override
    public double[] sparsity() {
        return sparsity.clone();
    }

    public int weightBits(int kernel) {
        return weightBits[kernel];
    }

    public double sparsity(int kernel) {
        return sparsity[kernel];
    }

    /** Weights kept (not pruned) in kernel {@code k} of {@code fanIn} weights: {@code fanIn - round(sparsity*fanIn)}. */
    public int keptWeights(int kernel, int fanIn) {
        return fanIn - (int) Math.round(sparsity[kernel] * fanIn);
    }

    /**
     * Whether kernel {@code k} of {@code fanIn} weights is removed (keeps no weight). A removed kernel computes
     * nothing: its weights and its bias are zero, and a packed file stores neither.
     */
    public boolean removed(int kernel, int fanIn) {
        return keptWeights(kernel, fanIn) == 0;
    }

    /** {@link #removed} for every kernel. */
    public boolean[] removedKernels(int fanIn) {
        boolean[] r = new boolean[weightBits.length];
        for (int k = 0; k < r.length; k++) r[k] = removed(k, fanIn);
        return r;
    }

    /** Mean weight bits over the kernels, float kernels counted as 32. */
    public double meanWeightBits() {
        return Arrays.stream(weightBits).average().orElse(0);
    }

    /** Mean sparsity over the kernels. */
    public double meanSparsity() {
        return Arrays.stream(sparsity).average().orElse(0);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LayerPlan p && layer.equals(p.layer) && activationBits == p.activationBits
                && Arrays.equals(weightBits, p.weightBits) && Arrays.equals(sparsity, p.sparsity);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * layer.hashCode() + activationBits) + 17 * Arrays.hashCode(weightBits) + Arrays.hashCode(sparsity);
    }

    @Override
    public String toString() {
        return String.format("LayerPlan[%s, a%d, %d kernels, mean w%.2f bits, mean sparsity %.3f]",
                layer, activationBits, kernels(), meanWeightBits(), meanSparsity());
    }
}
