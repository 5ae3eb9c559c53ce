package kernelwise.env.hardware;

import kernelwise.env.Cost;
import kernelwise.models.plan.CompressionPlan;
import kernelwise.models.plan.LayerInfo;
import kernelwise.models.plan.LayerPlan;
import kernelwise.models.plan.NetworkSpec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Costs looked up in the user's measurements. The CSV file has the header
 * {@code layer,weight_bits,activation_bits,latency_cycles,energy_pj} and one row per layer name and bit pair, each
 * row being the whole layer (one image) with every kernel at those bits. Lines starting with {@code #} are comments,
 * except {@code # clock_hz=<Hz>} which sets the clock used to turn cycles into seconds (default 1 GHz). Bits are
 * 1..8 or 32 (float). A layer whose kernels have different bits costs, per live kernel, its row's value divided by
 * the layer's kernel count. Pruning: removed kernels are skipped; partial sparsity does not reduce the looked-up
 * cost (the table describes dense layers).
 */
public final class TableModel implements HardwareModel {

    /** The header the file must start with (after comments). */
    public static final String HEADER = "layer,weight_bits,activation_bits,latency_cycles,energy_pj";
    private static final double DEFAULT_CLOCK_HZ = 1e9;

    private record Row(double cycles, double energyPj) {
    }

    private final String source;
    private final double clockHz;
    private final Map<String, Row> rows;

    private TableModel(String source, double clockHz, Map<String, Row> rows) {
        this.source = source;
        this.clockHz = clockHz;
        this.rows = Map.copyOf(rows);
    }

    /**
     * @throws NoSuchFileException if the file is missing
     * @throws IllegalArgumentException naming file, line and value for any malformed content
     */
    public static TableModel load(Path file) throws IOException {
        if (!Files.exists(file)) throw new NoSuchFileException(file.toString(), null, "hardware table not found");
        return parse(file.toString(), Files.readAllLines(file));
    }

    /** Parses the lines of a table; {@code source} names it in errors. */
    public static TableModel parse(String source, List<String> lines) {
        double clock = DEFAULT_CLOCK_HZ;
        boolean header = false;
        Map<String, Row> rows = new HashMap<>();
        for (int n = 1; n <= lines.size(); n++) {
            String line = lines.get(n - 1).strip();
            if (line.isEmpty()) continue;
            if (line.startsWith("#")) {
                String c = line.substring(1).strip();
                if (c.startsWith("clock_hz=")) clock = positive(source, n, "clock_hz", c.substring(9).strip());
                continue;
            }
            if (!header) {
                if (!line.replace(" ", "").equals(HEADER)) {
                    throw new IllegalArgumentException(source + ":" + n + ": expected header '" + HEADER + "', found '" + line + "'");
                }
                header = true;
                continue;
            }
            addRow(source, n, line, rows);
        }
        if (rows.isEmpty()) throw new IllegalArgumentException(source + ": no data rows found (header '" + HEADER + "')");
        return new TableModel(source, clock, rows);
    }

    private static void addRow(String source, int n, String line, Map<String, Row> rows) {
        String[] f = line.split(",", -1);
        if (f.length != 5) {
            throw new IllegalArgumentException(source + ":" + n + ": expected 5 fields (" + HEADER + "), found " + f.length + " in '" + line + "'");
        }
        String layer = f[0].strip();
        if (layer.isEmpty()) throw new IllegalArgumentException(source + ":" + n + ": layer must not be empty, found '" + line + "'");
        int w = bits(source, n, "weight_bits", f[1].strip(), 1);
        int a = bits(source, n, "activation_bits", f[2].strip(), 2);
        Row row = new Row(nonNegative(source, n, "latency_cycles", f[3].strip()), nonNegative(source, n, "energy_pj", f[4].strip()));
        if (rows.put(key(layer, w, a), row) != null) {
            throw new IllegalArgumentException(source + ":" + n + ": duplicate row for layer '" + layer + "', weight_bits " + w + ", activation_bits " + a);
        }
    }

    private static int bits(String source, int n, String column, String text, int min) {
        try {
            int b = Integer.parseInt(text);
            if ((b >= min && b <= 8) || b == CompressionPlan.FLOAT_BITS) return b;
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException(source + ":" + n + ": " + column + " must be " + min + "..8 or 32, found '" + text + "'");
    }

    private static double nonNegative(String source, int n, String column, String text) {
        double v = number(source, n, column, text);
        if (!(v >= 0)) throw new IllegalArgumentException(source + ":" + n + ": " + column + " must be >= 0, found '" + text + "'");
        return v;
    }

    private static double positive(String source, int n, String column, String text) {
        double v = number(source, n, column, text);
        if (!(v > 0)) throw new IllegalArgumentException(source + ":" + n + ": " + column + " must be positive, found '" + text + "'");
        return v;
    }

    private static double number(String source, int n, String column, String text) {
        try {
            double v = Double.parseDouble(text);
            if (Double.isFinite(v)) return v;
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException(source + ":" + n + ": " + column + " must be a number, found '" + text + "'");
    }

    private static String key(String layer, int w, int a) {
        return layer + '\u0000' + w + '\u0000' + a;
    }

    /**
     * The lines of a table that prices {@code spec}'s layers as {@code hw} does, for every weight and activation bit
     * pair given: a starting point for a user's file, and a way to freeze any model into a table.
     */
    public static List<String> export(HardwareModel hw, NetworkSpec spec, Collection<Integer> weightBits,
                                      Collection<Integer> activationBits, double clockHz) {
        List<String> lines = new java.util.ArrayList<>();
        lines.add("# exported from the " + hw.name() + " model; replace with your measurements");
        lines.add("# clock_hz=" + clockHz);
        lines.add(HEADER);
        for (int w : weightBits) {
            for (int a : activationBits) {
                Cost c = hw.cost(spec, CompressionPlan.uniform(spec, w, a, 0));
                for (int i = 0; i < spec.size(); i++) {
                    lines.add(spec.layer(i).name() + "," + w + "," + a + "," + c.layerCycles()[i] + "," + c.layerEnergyPj()[i]);
                }
            }
        }
        return lines;
    }

    @Override
    public String name() {
        return "table";
    }

    public double clockHz() {
        return clockHz;
    }

    /** Refuses the table unless it has a row for every layer of {@code spec} and every bit pair given. */
    public void checkCovers(NetworkSpec spec, Collection<Integer> weightBits, Collection<Integer> activationBits) {
        for (LayerInfo l : spec.layers()) {
            for (int w : weightBits) for (int a : activationBits) row(l.name(), w, a);
        }
    }

    private Row row(String layer, int w, int a) {
        Row r = rows.get(key(layer, w, a));
        if (r == null) {
            throw new IllegalArgumentException(source + ": no row for layer '" + layer + "' with weight_bits " + w + " and activation_bits " + a);
        }
        return r;
    }

    @Override
    public Cost cost(NetworkSpec spec, CompressionPlan plan) {
        return LayerCosts.total(name(), clockHz, spec, plan, this::layer);
    }

    /** Each live kernel costs its row's values divided by the layer's kernel count (no memory bound). */
    private LayerTiming layer(LayerInfo l, LayerPlan p) {
        double cycles = 0;
        double energy = 0;
        for (int k = 0; k < l.kernels(); k++) {
            if (p.keptWeights(k, l.fanIn()) == 0) continue;
            Row r = row(l.name(), p.weightBits(k), p.activationBits());
            cycles += r.cycles() / l.kernels();
            energy += r.energyPj() / l.kernels();
        }
        return new LayerTiming(cycles, 0, energy);
    }
}
