package kernelwise.models.train;

/**
 * How to train a network: Adam with a step decay of the learning rate after every epoch
 * ({@code lr(e) = learningRate * lrDecay^e}), minibatches drawn in a seeded shuffle.
 *
 * @param epochs       passes over the training split, positive
 * @param batchSize    examples per minibatch, positive
 * @param learningRate Adam's learning rate in the first epoch, in (0, 1]
 * @param lrDecay      factor applied to the learning rate after each epoch, in (0, 1]
 * @param seed         seed of the weight initialization and of the batch order
 */
public record TrainConfig(int epochs, int batchSize, double learningRate, double lrDecay, long seed) {
    /** The seed used when none is given. */
    public static final long DEFAULT_SEED = 42L;

    public TrainConfig {
        if (epochs <= 0) throw new IllegalArgumentException("epochs must be positive, found " + epochs);
        if (batchSize <= 0) throw new IllegalArgumentException("batch size must be positive, found " + batchSize);
        if (!(learningRate > 0 && learningRate <= 1)) {
            throw new IllegalArgumentException("learning rate must be in (0, 1], found " + learningRate);
        }
        if (!(lrDecay > 0 && lrDecay <= 1)) throw new IllegalArgumentException("lr decay must be in (0, 1], found " + lrDecay);
    }

    /** Settings chosen for LeNet-5 on MNIST (the README gives the accuracy they reach); the default for every zoo model. */
    public static TrainConfig defaults() {
        return new TrainConfig(3, 64, 1e-3, 0.3, DEFAULT_SEED);
    }

    /** The default settings for zoo model {@code model} (lenet300 gets more, cheaper epochs). */
    public static TrainConfig defaults(String model) {
        return switch (model) {
            case "lenet300" -> new TrainConfig(6, 64, 1e-3, 0.6, DEFAULT_SEED);
            default -> defaults();
        };
    }

    /** The learning rate in epoch {@code epoch} (0-based). */
    public double learningRate(int epoch) {
        return learningRate * Math.pow(lrDecay, epoch);
    }

    public TrainConfig withEpochs(int e) {
        return new TrainConfig(e, batchSize, learningRate, lrDecay, seed);
    }

    public TrainConfig withBatchSize(int b) {
        return new TrainConfig(epochs, b, learningRate, lrDecay, seed);
    }

    public TrainConfig withLearningRate(double lr) {
        return new TrainConfig(epochs, batchSize, lr, lrDecay, seed);
    }

    public TrainConfig withSeed(long s) {
        return new TrainConfig(epochs, batchSize, learningRate, lrDecay, s);
    }
}
