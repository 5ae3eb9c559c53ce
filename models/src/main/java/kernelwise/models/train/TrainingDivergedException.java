package kernelwise.models.train;

/** Thrown when the training loss becomes NaN or infinite. */
public class TrainingDivergedException extends RuntimeException {
    public TrainingDivergedException(String message) {
        super(message);
    }
}
