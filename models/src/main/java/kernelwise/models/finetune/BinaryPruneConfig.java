package kernelwise.models.finetune;

import java.util.Arrays;

/**
 * Settings of {@link BinaryPruneMethod}.
 *
 * @param binarizeEpochs quantization-aware epochs at the plan's bits and no pruning, before the analysis
 * @param pruneEpochs    epochs of gradual pruning of the latent weights toward the targets
 * @param retrainEpochs  epochs of masked quantization-aware retraining after the hard projection
 * @param sparsities     the sparsities the sensitivity analysis measures, ascending from 0
 * @param probeSize      validation examples used by the analysis
 * @param reallocate     whether the analysis re-divides the plan's pruning budget over the 1-bit layers (the
 *                       method then returns the derived plan); if false it only records the curves
 */
public record BinaryPruneConfig(int binarizeEpochs, int pruneEpochs, int retrainEpochs, double[] sparsities,
                                int probeSize, boolean reallocate) {

    public BinaryPruneConfig {
        if (binarizeEpochs < 0) throw new IllegalArgumentException("binarizeEpochs must be >= 0, found " + binarizeEpochs);
        if (pruneEpochs < 1) throw new IllegalArgumentException("pruneEpochs must be positive, found " + pruneEpochs);
        if (retrainEpochs < 0) throw new IllegalArgumentException("retrainEpochs must be >= 0, found " + retrainEpochs);
        if (probeSize < 1) throw new IllegalArgumentException("probeSize must be positive, found " + probeSize);
        sparsities = sparsities.clone();
        new PruningSensitivity(sparsities, new double[0][]);
    }

    /** Defaults for LeNet-5 on MNIST. */
    public BinaryPruneConfig() {
        this(1, 1, 1, new double[]{0, 0.5, 0.7, 0.8, 0.9, 0.95, 0.97, 0.98, 0.99}, 2000, true);
    }

    @Override
    public double[] sparsities() {
        return sparsities.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BinaryPruneConfig c && binarizeEpochs == c.binarizeEpochs && pruneEpochs == c.pruneEpochs
                && retrainEpochs == c.retrainEpochs && Arrays.equals(sparsities, c.sparsities) && probeSize == c.probeSize
                && reallocate == c.reallocate;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(sparsities) * 31 + binarizeEpochs + 7 * pruneEpochs + 13 * retrainEpochs + probeSize + (reallocate ? 1 : 0);
    }
}
