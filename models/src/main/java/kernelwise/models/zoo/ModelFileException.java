package kernelwise.models.zoo;

import java.io.IOException;
import java.nio.file.Path;

/** A model file that exists but cannot be used (corrupt, not a DL4J zip, checksum mismatch); one-line message. */
public class ModelFileException extends IOException {
    private final Path file;

    public ModelFileException(Path file, String expected, String found) {
        super(file + ": expected " + expected + ", found " + found);
        this.file = file;
    }

    /** The offending file. */
    public Path file() {
        return file;
    }
}
