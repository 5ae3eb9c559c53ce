package kernelwise.search;

import java.io.IOException;

/** A run cannot be resumed: its model or data set is not the one it started with. */
public class RunMismatchException extends IOException {
    public RunMismatchException(String message) {
        super(message);
    }
}
