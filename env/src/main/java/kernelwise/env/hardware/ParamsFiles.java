package kernelwise.env.hardware;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads a hardware model's parameter record from JSON: the user's file if given, else the default shipped in
 * resources under {@code /kernelwise/hardware/<name>.json}. Unknown fields are refused so that a typo in an edited
 * copy does not silently fall back to a default.
 */
final class ParamsFiles {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES);

    private ParamsFiles() {
    }

    /** The resource path of a model's default parameters. */
    static String resource(String model) {
        return "/kernelwise/hardware/" + model + ".json";
    }

    /** The shipped default parameters of {@code model}; a missing or unreadable resource is a packaging error. */
    static <T> T defaults(Class<T> type, String model) {
        try {
            return load(type, model, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param file the user's file, or null for the shipped default
     * @throws NoSuchFileException if {@code file} is missing
     * @throws IllegalArgumentException if the JSON is not a valid parameter set (message names the file)
     */
    static <T> T load(Class<T> type, String model, Path file) throws IOException {
        if (file != null) {
            if (!Files.exists(file)) throw new NoSuchFileException(file.toString(), null, "hardware parameter file not found");
            return parse(type, Files.readAllBytes(file), file.toString());
        }
        try (InputStream in = ParamsFiles.class.getResourceAsStream(resource(model))) {
            if (in == null) throw new IllegalStateException("default parameters " + resource(model) + " missing from the jar");
            return parse(type, in.readAllBytes(), resource(model));
        }
    }

    private static <T> T parse(Class<T> type, byte[] json, String source) {
        T params;
        try {
            params = JSON.readValue(json, type);
        } catch (IOException e) {
            Throwable cause = e.getCause() instanceof IllegalArgumentException iae ? iae : e;
            String msg = cause.getMessage() == null ? cause.toString() : cause.getMessage();
            int nl = msg.indexOf('\n');
            throw new IllegalArgumentException(source + ": not valid " + type.getSimpleName() + ": "
                    + (nl < 0 ? msg : msg.substring(0, nl)), e);
        }
        if (params == null) throw new IllegalArgumentException(source + ": not valid " + type.getSimpleName() + ": the file holds null, not an object");
        return params;
    }
}
