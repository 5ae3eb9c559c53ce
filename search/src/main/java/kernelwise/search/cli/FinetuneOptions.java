package kernelwise.search.cli;

import java.util.Map;
import java.util.function.Supplier;

/**
 * The fine-tuning verbs' options turned into parts of a {@link kernelwise.models.finetune.FinetuneRequest}: the request
 * validates them (one validation for {@code finetune}, {@code bench finetune} and the Java API), and a refusal becomes a
 * usage error (exit 2) on one line that names the command's option instead of the request's setting.
 */
final class FinetuneOptions {

    private FinetuneOptions() {
    }

    /**
     * Builds a request part, refusing it as a usage error.
     *
     * @param options the command's option for each setting name of the request ({@code rhoMax -> --rho-max}, ...)
     */
    static <T> T checked(Map<String, String> options, Supplier<T> part) {
        try {
            return part.get();
        } catch (IllegalArgumentException e) {
            throw CliException.usage(named(e.getMessage(), options));
        }
    }

    /** {@code message} with its leading setting name replaced by the command's option for it. */
    static String named(String message, Map<String, String> options) {
        for (Map.Entry<String, String> o : options.entrySet()) {
            if (message.startsWith(o.getKey() + " ")) return o.getValue() + message.substring(o.getKey().length());
        }
        return message;
    }
}
