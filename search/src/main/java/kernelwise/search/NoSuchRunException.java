package kernelwise.search;

import java.nio.file.Path;

/** A run name that is not in the store. */
public class NoSuchRunException extends IllegalArgumentException {
    public NoSuchRunException(String run, Path store) {
        super("no run '" + run + "' in " + store + " (see 'kernelwise runs')");
    }
}
