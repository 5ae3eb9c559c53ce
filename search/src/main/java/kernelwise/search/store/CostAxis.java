package kernelwise.search.store;

import java.util.Locale;

/** The costs a plan is traded against accuracy on; one Pareto front is kept per axis. */
public enum CostAxis {
    LATENCY("latency", "cycles"),
    ENERGY("energy", "pJ"),
    SIZE("size", "bits");

    private final String label;
    private final String unit;

    CostAxis(String label, String unit) {
        this.label = label;
        this.unit = unit;
    }

    public String label() {
        return label;
    }

    public String unit() {
        return unit;
    }

    /** @throws IllegalArgumentException naming the value found and the values accepted */
    public static CostAxis parse(String text) {
        for (CostAxis a : values()) {
            if (a.label.equals(text.toLowerCase(Locale.ROOT))) return a;
        }
        throw new IllegalArgumentException("cost must be latency, energy or size, found '" + text + "'");
    }
}
