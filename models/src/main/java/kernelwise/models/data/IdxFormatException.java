package kernelwise.models.data;

import java.nio.file.Path;

/** An IDX file that is not what it should be (wrong magic, bad dimensions, truncated); the message is one line. */
public class IdxFormatException extends DataFormatException {

    public IdxFormatException(Path file, String expected, Object found) {
        super(file, null, expected, found);
    }
}
