package kernelwise.models.finetune;

/**
 * The masked quantization-aware retraining every method ends with ({@link MaskedRetrain}).
 *
 * @param epochs        epochs of retraining, >= 0
 * @param finalLrFactor the last retraining epoch's learning rate as a fraction of the first's, in (0, 1]; over two
 *                      or more epochs the rate decays geometrically from the network's own to that fraction of it
 */
public record Retraining(int epochs, double finalLrFactor) {

    /** The decay of the learning rate over the retraining unless another is asked for. */
    public static final double FINAL_LR_FACTOR = 0.1;

    public Retraining {
        if (epochs < 0) throw new IllegalArgumentException("retrainEpochs must be >= 0, found " + epochs);
        if (!(finalLrFactor > 0 && finalLrFactor <= 1)) {
            throw new IllegalArgumentException("finalLrFactor must be in (0, 1], found " + finalLrFactor);
        }
    }

    /** {@code epochs} of retraining with the learning rate decaying to {@link #FINAL_LR_FACTOR}. */
    public Retraining(int epochs) {
        this(epochs, FINAL_LR_FACTOR);
    }
}
