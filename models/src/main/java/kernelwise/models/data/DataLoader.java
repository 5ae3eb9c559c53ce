package kernelwise.models.data;

import kernelwise.models.Checksums;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads a file-format {@link DataSpec} into {@link DataSplits}: every file named, checksummed, checked (shape,
 * label range, counts), the splits stated or cut from the training pool by seeded fractions.
 */
final class DataLoader {
    private static final Logger log = LoggerFactory.getLogger(DataLoader.class);
    private static final double DEFAULT_FRACTION = 0.1;

    private final DataSpec spec;
    private final Map<String, String> sha = new TreeMap<>();

    private DataLoader(DataSpec spec) {
        this.spec = spec;
    }

    static DataSplits load(DataSpec spec) throws IOException {
        return new DataLoader(spec).load();
    }

    private DataSplits load() throws IOException {
        long t0 = System.nanoTime();
        String poolKey = spec.options().containsKey("all") ? "all" : "train";
        Map<String, Examples> parts = read(poolKey);
        Examples pool = parts.get(poolKey);
        double v = fraction("validation", parts), t = fraction("test", parts);
        if (v > 0 || t > 0) {
            long seed = spec.option("seed") == null ? 0 : (long) Double.parseDouble(spec.option("seed"));
            int[][] cut = new FractionSplit(v, t, seed).indices(pool.size());
            parts.put("train", pool.rows(cut[0]));
            if (v > 0) parts.put("validation", pool.rows(cut[1]));
            if (t > 0) parts.put("test", pool.rows(cut[2]));
        }
        int classes = classes(parts);
        DataSplits s = new DataSplits(name(), parts.get("train").toDataSet(classes), parts.get("validation").toDataSet(classes),
                parts.get("test").toDataSet(classes), sha, pool.shape(), classes);
        log.info("loaded {} in {} ms", s.describe(), (System.nanoTime() - t0) / 1_000_000);
        return s;
    }

    /** The fraction of the pool going to {@code split}: 0 when it is stated as files. */
    private double fraction(String split, Map<String, Examples> parts) {
        if (parts.containsKey(split)) return 0;
        String f = spec.option(split);
        return f == null ? DEFAULT_FRACTION : Double.parseDouble(f);
    }

    /** The examples of each split stated as files (the pool under {@code poolKey}), shaped as stated, one shape for all. */
    private Map<String, Examples> read(String poolKey) throws IOException {
        Map<String, Examples> parts = new LinkedHashMap<>();
        List<String> keys = new ArrayList<>(List.of(poolKey));
        for (String k : List.of("validation", "test")) if (spec.option(k) != null && !DataSpec.isFraction(spec.option(k))) keys.add(k);
        if (spec.format().equals("csv")) {
            readCsv(keys, parts);
        } else {
            for (String k : keys) parts.put(k, readFiles(spec.option(k)));
        }
        Examples first = parts.get(poolKey);
        String stated = spec.option("shape");
        FeatureShape want = stated != null ? FeatureShape.parse(stated) : first.shape();
        for (Map.Entry<String, Examples> e : parts.entrySet()) {
            Examples x = e.getValue();
            if (stated != null) x = x.reshaped(want);
            if (!x.shape().equals(want)) {
                throw new DataFormatException(x.source(), null, "examples of shape " + want + " (as " + first.source() + ")", x.shape());
            }
            e.setValue(x);
        }
        return parts;
    }

    private void readCsv(List<String> keys, Map<String, Examples> parts) throws IOException {
        List<CsvExamples.Table> tables = new ArrayList<>();
        String header = spec.option("header");
        for (String k : keys) tables.add(CsvExamples.read(hashed(Path.of(spec.option(k))), spec.option("label"),
                header == null ? null : header.equals("yes")));
        LabelNames names = LabelNames.of(tables);
        if (!names.names().isEmpty()) log.info("class names of {} (in index order): {}", name(), names.names());
        double scale = scale(1);
        for (int i = 0; i < keys.size(); i++) parts.put(keys.get(i), names.examples(tables.get(i)).scaled(scale));
    }

    private Examples readFiles(String value) throws IOException {
        String[] files = value.split("\\+");
        return switch (spec.format()) {
            case "idx" -> IdxExamples.read(hashed(Path.of(files[0])), hashed(Path.of(files[1])), scale(255));
            case "npy" -> NpyExamples.read(hashed(Path.of(files[0])), hashed(Path.of(files[1])), spec.option("layout"), scale(1));
            case "dataset" -> {
                List<Examples> all = new ArrayList<>();
                for (Path f : DataSetFiles.files(Path.of(files[0]))) all.add(DataSetFiles.read(hashed(f), spec.option("layout"), scale(1)));
                yield Examples.concat(all);
            }
            default -> throw new IllegalStateException("not a file format: " + spec.format());
        };
    }

    private double scale(double byDefault) {
        return spec.option("scale") == null ? byDefault : Double.parseDouble(spec.option("scale"));
    }

    private int classes(Map<String, Examples> parts) throws DataFormatException {
        int seen = 0;
        Examples widest = null;
        for (Examples e : parts.values()) {
            if (e.classesSeen() > seen) {
                seen = e.classesSeen();
                widest = e;
            }
        }
        if (spec.option("classes") == null) return seen;
        int stated = (int) Double.parseDouble(spec.option("classes"));
        if (seen > stated) throw new DataFormatException(widest.source(), null, "labels of " + stated + " classes (classes=" + stated + ")", seen + " classes");
        return stated;
    }

    private Path hashed(Path file) throws IOException {
        if (!Files.isRegularFile(file)) throw new NoSuchFileException(file.toString());
        sha.put(file.toString(), Checksums.sha256(file));
        return file;
    }

    private String name() {
        if (spec.option("name") != null) return spec.option("name");
        String first = spec.option(spec.options().containsKey("all") ? "all" : "train").split("\\+")[0];
        String base = Path.of(first).getFileName().toString();
        return base.replaceAll("(\\.gz)$", "").replaceAll("\\.[A-Za-z0-9]+$", "").replaceAll("[*?]", "");
    }
}
