package kernelwise.models.finetune;

/**
 * Settings of {@link AutoPruneMethod}.
 *
 * @param epochs           epochs of gated training
 * @param retraining       the masked quantization-aware retraining after the exact enforcement
 * @param gateLearningRate the gates' own step size (plain SGD on normalised gradients)
 * @param lambda           initial strength of the sparsity regulariser (a constant downward push on every gate)
 * @param lambdaRate       how fast each kernel's regulariser follows its target: per iteration
 *                         {@code lambda_k <- max(0, lambda_k + lambdaRate (target_k - sparsity_k))}
 */
public record AutoPruneConfig(int epochs, Retraining retraining, double gateLearningRate, double lambda, double lambdaRate) {

    public AutoPruneConfig {
        if (epochs < 1) throw new IllegalArgumentException("epochs must be positive, found " + epochs);
        if (retraining == null) throw new IllegalArgumentException("retraining must not be null");
        if (!(gateLearningRate > 0)) throw new IllegalArgumentException("gateLearningRate must be positive, found " + gateLearningRate);
        if (!(lambda >= 0)) throw new IllegalArgumentException("lambda must be >= 0, found " + lambda);
        if (!(lambdaRate >= 0)) throw new IllegalArgumentException("lambdaRate must be >= 0, found " + lambdaRate);
    }

    /** Defaults for LeNet-5 on MNIST with minibatches of 64. */
    public AutoPruneConfig() {
        this(3, new Retraining(1), 0.01, 0.5, 0.05);
    }
}
