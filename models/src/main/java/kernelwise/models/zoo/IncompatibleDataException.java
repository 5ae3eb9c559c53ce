package kernelwise.models.zoo;

import java.io.IOException;

/**
 * Data a model cannot take: a feature shape its input does not accept, or more classes than it outputs. The
 * one-line message names the model's input and the data's shape.
 */
public class IncompatibleDataException extends IOException {
    public IncompatibleDataException(String message) {
        super(message);
    }
}
