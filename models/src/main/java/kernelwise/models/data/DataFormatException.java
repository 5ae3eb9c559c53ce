package kernelwise.models.data;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A data file that is not what it should be (a bad header, a wrong shape, a row with the wrong column count, a
 * label out of range); the message is one line naming the file, the item or row, what was expected and what was found.
 */
public class DataFormatException extends IOException {
    private final Path file;

    /** {@code where} names the item, row or field ({@code "row 17"}), or is null for the file as a whole. */
    public DataFormatException(Path file, String where, String expected, Object found) {
        super(file + ": " + (where == null ? "" : where + ": ") + "expected " + expected + ", found " + found);
        this.file = file;
    }

    /** The offending file. */
    public Path file() {
        return file;
    }
}
