package kernelwise.models.compress;

/** A network has a layer, vertex or preprocessor the direct forward pass does not implement. */
public class UnsupportedNetworkException extends RuntimeException {
    public UnsupportedNetworkException(String message) {
        super(message);
    }
}
