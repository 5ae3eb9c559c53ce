package kernelwise.models.data;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where a run's data comes from, as the command line's {@code --data SPEC} writes it (and a stored run keeps it):
 * <ul>
 *   <li>a named set: {@code mnist}, {@code fashion-mnist} or {@code digits} (in the data folder, fetched by
 *       {@code data fetch});</li>
 *   <li>{@code FORMAT:ITEM,ITEM,...} with FORMAT {@code idx}, {@code csv}, {@code npy} or {@code dataset} (DL4J
 *       {@code DataSet.save} files). An item is {@code key=value} or a bare path (the one set, {@code all=}). The
 *       splits are stated ({@code train=}, {@code validation=}, {@code test=} files) or cut from the training pool by
 *       fractions: {@code validation=0.1}, {@code test=0.2} (0.1 each by default) with {@code seed=} (0). Two-file
 *       formats name features and labels joined by {@code +}: {@code npy:train=x.npy+y.npy}. Options:
 *       {@code label=} (csv: column name or index, negative from the end; default the last), {@code header=yes|no}
 *       (csv; default detected), {@code shape=F|CxHxW} (read each example's features as this shape),
 *       {@code layout=nhwc|nchw} (4-D npy and DataSet images), {@code classes=K}, {@code scale=X} (features divided
 *       by X; 255 for IDX, else 1), {@code name=} (default: the first file's name);</li>
 *   <li>{@code java:NAME}: splits handed over from Java ({@link DataSplits#fromIterators}); not loadable from text.</li>
 * </ul>
 * Paths may not contain commas. The text form round-trips through {@link #parse} and {@link #toString}.
 *
 * @param format  a set's name, or {@code idx}, {@code csv}, {@code npy}, {@code dataset}, {@code java}
 * @param options the items in the order given ({@code all} for a bare path; for {@code java}, {@code name})
 */
public record DataSpec(String format, Map<String, String> options) {

    /** The named sets. */
    public static final List<String> NAMED = List.of("mnist", "fashion-mnist", "digits");
    /** The file formats. */
    public static final List<String> FORMATS = List.of("idx", "csv", "npy", "dataset");
    private static final Set<String> FILE_KEYS = Set.of("all", "train", "validation", "test");
    private static final Set<String> KEYS = Set.of("all", "train", "validation", "test", "seed", "label", "header", "shape",
            "layout", "classes", "scale", "name");

    public DataSpec {
        if (format == null) throw new IllegalArgumentException("data format must not be null");
        options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
        if (NAMED.contains(format)) {
            if (!options.isEmpty()) throw new IllegalArgumentException("the named data set " + format + " takes no options, found " + options.keySet());
        } else if (format.equals("java")) {
            if (!options.keySet().equals(Set.of("name"))) throw new IllegalArgumentException("java data needs a name only (java:NAME), found " + options.keySet());
        } else if (FORMATS.contains(format)) {
            check(format, options);
        } else {
            throw new IllegalArgumentException("unknown data set or format '" + format + "' (named: " + String.join(", ", NAMED)
                    + "; formats: " + String.join(", ", FORMATS) + ", as FORMAT:FILES,OPTIONS)");
        }
    }

    /** A named set. */
    public static DataSpec named(String name) {
        return new DataSpec(name, Map.of());
    }

    /** Splits given from Java under {@code name}. */
    public static DataSpec java(String name) {
        return new DataSpec("java", Map.of("name", name));
    }

    /**
     * Reads the text form.
     *
     * @throws IllegalArgumentException naming the item that is wrong
     */
    @JsonCreator
    public static DataSpec parse(String text) {
        if (text == null || text.isBlank()) throw new IllegalArgumentException("data spec must not be blank, found '" + text + "'");
        int colon = text.indexOf(':');
        if (colon < 0) return new DataSpec(text.trim(), Map.of());
        String format = text.substring(0, colon).trim();
        String rest = text.substring(colon + 1);
        if (format.equals("java")) return java(rest.trim());
        Map<String, String> options = new LinkedHashMap<>();
        for (String item : rest.split(",")) {
            String t = item.trim();
            if (t.isEmpty()) continue;
            int eq = t.indexOf('=');
            String key = eq < 0 ? "all" : t.substring(0, eq).trim();
            String value = eq < 0 ? t : t.substring(eq + 1).trim();
            if (options.put(key, value) != null) throw new IllegalArgumentException("data spec gives '" + key + "' twice: " + text);
        }
        return new DataSpec(format, options);
    }

    private static void check(String format, Map<String, String> o) {
        for (Map.Entry<String, String> e : o.entrySet()) {
            if (!KEYS.contains(e.getKey())) {
                throw new IllegalArgumentException("unknown data option '" + e.getKey() + "' (known: all, train, validation, test, seed, label, header,"
                        + " shape, layout, classes, scale, name)");
            }
            if (e.getValue().isEmpty()) throw new IllegalArgumentException("data option " + e.getKey() + " needs a value");
        }
        if (o.containsKey("all") == o.containsKey("train")) {
            throw new IllegalArgumentException(format + " data needs either one set (a bare path) or train=FILES, found "
                    + (o.containsKey("all") ? "both" : "neither"));
        }
        for (String split : List.of("validation", "test")) {
            if (isFraction(o.get(split))) fraction(o, split);
            else if (o.containsKey("all") && o.containsKey(split)) {
                throw new IllegalArgumentException("with one set, " + split + "= is a fraction in (0, 1), found '" + o.get(split) + "'");
            }
        }
        boolean twoFiles = format.equals("idx") || format.equals("npy");
        for (String k : FILE_KEYS) {
            String v = o.get(k);
            if (v == null || isFraction(v)) continue;
            if (twoFiles != v.contains("+") || v.split("\\+", -1).length > (twoFiles ? 2 : 1)) {
                throw new IllegalArgumentException(format + " " + k + "= needs " + (twoFiles ? "FEATURES+LABELS files" : "one path") + ", found '" + v + "'");
            }
        }
        if (o.containsKey("seed")) number(o, "seed");
        if (o.containsKey("classes") && number(o, "classes") < 1) throw new IllegalArgumentException("classes must be >= 1, found " + o.get("classes"));
        if (o.containsKey("scale") && !(number(o, "scale") > 0)) throw new IllegalArgumentException("scale must be positive, found " + o.get("scale"));
        if (o.containsKey("shape")) FeatureShape.parse(o.get("shape"));
        if (o.containsKey("layout") && !Set.of("nhwc", "nchw").contains(o.get("layout"))) {
            throw new IllegalArgumentException("layout must be nhwc or nchw, found '" + o.get("layout") + "'");
        }
        if (o.containsKey("header") && !Set.of("yes", "no").contains(o.get("header"))) {
            throw new IllegalArgumentException("header must be yes or no, found '" + o.get("header") + "'");
        }
        if (!format.equals("csv") && (o.containsKey("label") || o.containsKey("header"))) {
            throw new IllegalArgumentException("label= and header= are csv options, found them for " + format);
        }
    }

    static boolean isFraction(String v) {
        if (v == null) return false;
        try {
            Double.parseDouble(v);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static double fraction(Map<String, String> o, String key) {
        double f = Double.parseDouble(o.get(key));
        if (!(f > 0 && f < 1)) throw new IllegalArgumentException(key + " fraction must be in (0, 1), found " + o.get(key));
        return f;
    }

    private static double number(Map<String, String> o, String key) {
        try {
            return Double.parseDouble(o.get(key));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a number, found '" + o.get(key) + "'");
        }
    }

    /** Whether this is one of the named sets. */
    public boolean isNamed() {
        return NAMED.contains(format);
    }

    /** The option {@code key}, or null. */
    public String option(String key) {
        return options.get(key);
    }

    /** This spec with every file path made absolute against {@code base} (so a stored run finds its files from anywhere). */
    public DataSpec absolute(Path base) {
        if (!FORMATS.contains(format)) return this;
        Map<String, String> o = new LinkedHashMap<>(options);
        for (String k : FILE_KEYS) {
            String v = o.get(k);
            if (v == null || isFraction(v)) continue;
            StringBuilder b = new StringBuilder();
            for (String part : v.split("\\+")) {
                if (b.length() > 0) b.append('+');
                b.append(base.resolve(part).toAbsolutePath().normalize());
            }
            o.put(k, b.toString());
        }
        return new DataSpec(format, o);
    }

    /** The text form, as {@link #parse} reads it. */
    @JsonValue
    @Override
    public String toString() {
        if (isNamed()) return format;
        if (format.equals("java")) return "java:" + options.get("name");
        StringBuilder b = new StringBuilder(format).append(':');
        boolean first = true;
        for (Map.Entry<String, String> e : options.entrySet()) {
            if (!first) b.append(',');
            first = false;
            b.append(e.getKey().equals("all") ? e.getValue() : e.getKey() + "=" + e.getValue());
        }
        return b.toString();
    }
}
