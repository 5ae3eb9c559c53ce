package kernelwise.models.finetune;

/** Progress of a method's training, for the command line's progress display. */
public interface FinetuneListener {

    /** Does nothing. */
    FinetuneListener NONE = new FinetuneListener() {
    };

    /** A phase (e.g. "admm", "retrain") starts, with its number of epochs. */
    default void phase(String name, int epochs) {
    }

    /** Minibatch {@code batch} (from 0 in its epoch) of the current phase ended with {@code loss}. */
    default void batchDone(int batch, double loss) {
    }

    /** An epoch of the current phase ended with the last minibatch's loss. */
    default void epochDone(int epoch, double loss) {
    }
}
