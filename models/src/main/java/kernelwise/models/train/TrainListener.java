package kernelwise.models.train;

/** Progress of a training run, for a progress bar or a log. Every method has an empty default. */
public interface TrainListener {
    /** Training starts: {@code epochs} passes of {@code batchesPerEpoch} minibatches. */
    default void onStart(int epochs, int batchesPerEpoch) {
    }

    /** Minibatch {@code batch} (0-based) of epoch {@code epoch} (0-based) is done, with its loss. */
    default void onBatch(int epoch, int batch, double loss) {
    }

    /** Epoch {@code epoch} (0-based) finished in {@code seconds}. */
    default void onEpochEnd(int epoch, double seconds) {
    }

    /** Training is done; evaluation of {@code split} starts. */
    default void onEvaluate(String split) {
    }

    /** A listener that ignores everything. */
    TrainListener NONE = new TrainListener() {
    };
}
