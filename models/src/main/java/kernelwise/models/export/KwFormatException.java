package kernelwise.models.export;

import java.io.IOException;

/** A {@code .kw} file is not a valid packed model (wrong magic, newer version, truncated, corrupt). */
public class KwFormatException extends IOException {
    public KwFormatException(String message) {
        super(message);
    }
}
