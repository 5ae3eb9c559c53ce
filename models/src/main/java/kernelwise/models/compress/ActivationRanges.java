package kernelwise.models.compress;

import kernelwise.models.plan.CompressionPlan;

import java.util.Arrays;

/**
 * The range of each compressible layer's input activations, calibrated once on a few training batches with the
 * float network, shared by every scorer and trainer of that network.
 *
 * @param min per compressible layer, the smallest input value seen
 * @param max per compressible layer, the largest input value seen
 */
public record ActivationRanges(double[] min, double[] max) {

    public ActivationRanges {
        if (min.length != max.length) throw new IllegalArgumentException("ranges need as many minima as maxima, found " + min.length + " and " + max.length);
        for (int i = 0; i < min.length; i++) {
            if (!(min[i] <= max[i])) throw new IllegalArgumentException("layer " + i + ": range min must be <= max, found " + min[i] + " > " + max[i]);
        }
        min = min.clone();
        max = max.clone();
    }

    public int size() {
        return min.length;
    }

    @Override
    public double[] min() {
        return min.clone();
    }

    @Override
    public double[] max() {
        return max.clone();
    }

    /** The quantizer of layer {@code i} at {@code bits}, or null for float. */
    public ActivationQuant quant(int i, int bits) {
        return ActivationQuant.of(bits, min[i], max[i]);
    }

    /** The quantizers of every layer for {@code plan}'s activation bits (null entries for float layers). */
    public ActivationQuant[] quants(CompressionPlan plan) {
        if (plan.size() != size()) throw new IllegalArgumentException("plan has " + plan.size() + " layers but the ranges " + size());
        ActivationQuant[] q = new ActivationQuant[size()];
        for (int i = 0; i < q.length; i++) q[i] = quant(i, plan.layer(i).activationBits());
        return q;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ActivationRanges r && Arrays.equals(min, r.min) && Arrays.equals(max, r.max);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(min) + Arrays.hashCode(max);
    }

    @Override
    public String toString() {
        return "ActivationRanges[min=" + Arrays.toString(min) + ", max=" + Arrays.toString(max) + "]";
    }
}
