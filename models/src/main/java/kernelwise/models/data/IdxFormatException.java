package kernelwise.models.data;

import java.io.IOException;
import java.nio.file.Path;

/** An IDX file that is not what it should be (wrong magic, bad dimensions, truncated); the message is one line. */
public class IdxFormatException extends IOException {
    private final Path file;

    public IdxFormatException(Path file, String expected, Object found) {
        super(file + ": expected " + expected + ", found " + found);
        this.file = file;
    }

    /** The offending file. */
    public Path file() {
        return file;
    }
}
