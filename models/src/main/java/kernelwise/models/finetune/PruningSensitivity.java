package kernelwise.models.finetune;

import java.util.Arrays;

/**
 * Per-layer sensitivity curves (accuracy drop against the layer's sparsity, each layer pruned alone) and the
 * allocation of a pruning budget from them: every layer is pruned as far as it can go while losing at most a
 * common drop tau, with tau chosen so the layers together prune the budget.
 *
 * @param sparsities the sparsities measured, ascending, starting at 0
 * @param drops      per layer, the validation accuracy drop at each sparsity (made non-decreasing on use)
 */
public record PruningSensitivity(double[] sparsities, double[][] drops) {

    public PruningSensitivity {
        sparsities = sparsities.clone();
        drops = Arrays.stream(drops).map(double[]::clone).toArray(double[][]::new);
        if (sparsities.length < 2 || sparsities[0] != 0) {
            throw new IllegalArgumentException("sparsities must start at 0 and have at least 2 points, found " + Arrays.toString(sparsities));
        }
        for (int i = 1; i < sparsities.length; i++) {
            if (!(sparsities[i] > sparsities[i - 1] && sparsities[i] <= 1)) {
                throw new IllegalArgumentException("sparsities must ascend within [0,1], found " + Arrays.toString(sparsities));
            }
        }
        for (double[] d : drops) {
            if (d.length != sparsities.length) throw new IllegalArgumentException("each layer needs " + sparsities.length + " drops, found " + d.length);
        }
    }

    /** The largest sparsity of layer {@code layer} whose (monotone, interpolated) drop is at most {@code tau}. */
    public double allowed(int layer, double tau) {
        double[] d = monotone(drops[layer]);
        if (tau < d[0]) return 0;
        for (int i = 1; i < d.length; i++) {
            if (d[i] > tau) {
                double t = (tau - d[i - 1]) / (d[i] - d[i - 1]);
                return sparsities[i - 1] + t * (sparsities[i] - sparsities[i - 1]);
            }
        }
        return sparsities[sparsities.length - 1];
    }

    /**
     * Per-layer sparsities pruning {@code budget} weights in total, layer i having {@code weights[i]} weights:
     * the common drop tau is found by bisection.
     *
     * @throws IllegalArgumentException if the budget exceeds what the largest measured sparsity prunes
     */
    public double[] allocate(long[] weights, double budget) {
        if (weights.length != drops.length) throw new IllegalArgumentException("need " + drops.length + " layer sizes, found " + weights.length);
        double most = 0;
        for (long w : weights) most += w * sparsities[sparsities.length - 1];
        if (budget > most + 1e-9) throw new IllegalArgumentException("budget " + budget + " exceeds the " + most + " weights the measured sparsities can prune");
        double lo = -1e-9, hi = 1 + maxDrop();
        for (int iter = 0; iter < 100; iter++) {
            double mid = (lo + hi) / 2;
            if (pruned(weights, mid) >= budget) hi = mid;
            else lo = mid;
        }
        double[] s = new double[drops.length];
        for (int i = 0; i < s.length; i++) s[i] = allowed(i, hi);
        return s;
    }

    private double pruned(long[] weights, double tau) {
        double total = 0;
        for (int i = 0; i < weights.length; i++) total += weights[i] * allowed(i, tau);
        return total;
    }

    private double maxDrop() {
        return Arrays.stream(drops).flatMapToDouble(Arrays::stream).max().orElse(0);
    }

    private static double[] monotone(double[] d) {
        double[] m = d.clone();
        for (int i = 1; i < m.length; i++) m[i] = Math.max(m[i], m[i - 1]);
        return m;
    }
}
