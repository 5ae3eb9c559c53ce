package kernelwise.env;

import java.util.Arrays;
import java.util.Locale;

/**
 * A cost a plan is traded against accuracy on: what a budget limits, what a Pareto front is kept for, what a
 * "cheapest plan" is chosen by.
 */
public enum Resource {
    LATENCY("cycles"),
    ENERGY("pJ"),
    SIZE("bits");

    private final String unit;

    Resource(String unit) {
        this.unit = unit;
    }

    /** The lower-case name used on the command line and in files: {@code latency}, {@code energy}, {@code size}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The unit {@link Cost#of} gives this resource in. */
    public String unit() {
        return unit;
    }

    /** @throws IllegalArgumentException naming the value found and the values accepted */
    public static Resource parse(String text) {
        return Arrays.stream(values()).filter(r -> r.label().equalsIgnoreCase(String.valueOf(text).strip())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("cost must be latency, energy or size, found '" + text + "'"));
    }
}
