package kernelwise.search;

/** A {@code --model} that is neither a zoo name nor an existing file: the command line's "not found" (exit 3), as in every verb. */
public final class UnknownModelException extends IllegalArgumentException {
    public UnknownModelException(String message) {
        super(message);
    }
}
