package kernelwise.models.finetune;

/**
 * How to fine-tune a network into a plan.
 *
 * @param epochs          passes over the training split, positive
 * @param batchSize       examples per minibatch, positive
 * @param learningRate    the updater's learning rate (the network's own updater, normally Adam), in (0, 1]
 * @param seed            seed of the batch order
 * @param teacher         whether the float network teaches (distillation loss)
 * @param temperature     distillation temperature, >= 1
 * @param hardWeight      weight of the hard-label loss in [0, 1]; the soft loss gets {@code 1 - hardWeight}
 * @param maxBatches      minibatches per epoch at most (0 = the whole split); for quick runs and tests
 */
public record FinetuneConfig(int epochs, int batchSize, double learningRate, long seed, boolean teacher,
                             double temperature, double hardWeight, int maxBatches) {

    public FinetuneConfig {
        if (epochs <= 0) throw new IllegalArgumentException("epochs must be positive, found " + epochs);
        if (batchSize <= 0) throw new IllegalArgumentException("batch size must be positive, found " + batchSize);
        if (!(learningRate > 0 && learningRate <= 1)) throw new IllegalArgumentException("learning rate must be in (0, 1], found " + learningRate);
        if (!(temperature >= 1)) throw new IllegalArgumentException("temperature must be >= 1, found " + temperature);
        if (!(hardWeight >= 0 && hardWeight <= 1)) throw new IllegalArgumentException("hard-loss weight must be in [0, 1], found " + hardWeight);
        if (maxBatches < 0) throw new IllegalArgumentException("max batches must be >= 0, found " + maxBatches);
    }

    /** One epoch, batch 64, Adam 2e-4, seed 42, no teacher (temperature 4, hard weight 0.5 when one is added). */
    public static FinetuneConfig defaults() {
        return new FinetuneConfig(1, 64, 2e-4, 42L, false, 4.0, 0.5, 0);
    }

    public FinetuneConfig withEpochs(int e) {
        return new FinetuneConfig(e, batchSize, learningRate, seed, teacher, temperature, hardWeight, maxBatches);
    }

    public FinetuneConfig withTeacher(boolean t) {
        return new FinetuneConfig(epochs, batchSize, learningRate, seed, t, temperature, hardWeight, maxBatches);
    }

    public FinetuneConfig withLearningRate(double lr) {
        return new FinetuneConfig(epochs, batchSize, lr, seed, teacher, temperature, hardWeight, maxBatches);
    }

    public FinetuneConfig withMaxBatches(int m) {
        return new FinetuneConfig(epochs, batchSize, learningRate, seed, teacher, temperature, hardWeight, m);
    }

    public FinetuneConfig withSeed(long s) {
        return new FinetuneConfig(epochs, batchSize, learningRate, s, teacher, temperature, hardWeight, maxBatches);
    }
}
