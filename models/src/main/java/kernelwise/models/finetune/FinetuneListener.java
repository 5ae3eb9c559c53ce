package kernelwise.models.finetune;

/** Progress of a method's training, for the command line's progress display. */
public interface FinetuneListener {

    /** Does nothing. */
    FinetuneListener NONE = new FinetuneListener() {
    };

    /** A phase (e.g. "admm", "retrain") starts, with its number of epochs. */
    default void phase(String name, int epochs) {
    }

    /** An epoch of the current phase ended with the last minibatch's loss. */
    default void epochDone(int epoch, double loss) {
    }
}
