package kernelwise.models.data;

import kernelwise.models.AtomicWrite;
import org.nd4j.linalg.dataset.DataSet;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Small generated data sets with a learnable signal, for tests and for trying Kernelwise without data of one's own:
 * <ul>
 *   <li>{@code images}: 3x32x32 colour images of 4 classes (red horizontal stripes, green vertical stripes, a blue
 *       disc, a grey checkerboard), each drawn at a random phase or position over uniform noise;</li>
 *   <li>{@code tabular}: 12 features of 3 classes named {@code alpha}, {@code beta}, {@code gamma}: 8 features are a
 *       class centre plus Gaussian noise, 4 are noise only.</li>
 * </ul>
 * {@link #write} puts one set into a folder in every format Kernelwise reads, and returns a data spec for each.
 */
public final class SyntheticData {
    /** The kinds this class makes. */
    public static final java.util.List<String> KINDS = java.util.List.of("images", "tabular");
    static final String[] CLASS_NAMES = {"alpha", "beta", "gamma"};

    private SyntheticData() {
    }

    /** {@code n} images of shape 3x32x32 in [0, 1], labels 0..3. */
    public static Examples images(int n, long seed) {
        Random r = new Random(seed);
        int side = 32, hw = side * side;
        float[] f = new float[n * 3 * hw];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            int k = r.nextInt(4);
            y[i] = k;
            int o = i * 3 * hw, phase = r.nextInt(8), cx = 8 + r.nextInt(16), cy = 8 + r.nextInt(16);
            for (int p = 0; p < 3 * hw; p++) f[o + p] = 0.45f * r.nextFloat();
            for (int row = 0; row < side; row++) {
                for (int col = 0; col < side; col++) {
                    int px = row * side + col;
                    switch (k) {
                        case 0 -> { if (((row + phase) / 4) % 2 == 0) f[o + px] += 0.55f; }
                        case 1 -> { if (((col + phase) / 4) % 2 == 0) f[o + hw + px] += 0.55f; }
                        case 2 -> { if ((row - cy) * (row - cy) + (col - cx) * (col - cx) < 49) f[o + 2 * hw + px] += 0.55f; }
                        default -> {
                            if ((((row + phase) / 4) + ((col + phase) / 4)) % 2 == 0) for (int c = 0; c < 3; c++) f[o + c * hw + px] += 0.55f;
                        }
                    }
                }
            }
        }
        return new Examples(Path.of("images"), FeatureShape.image(3, side, side), f, y);
    }

    /** {@code n} rows of 12 features, labels 0..2. */
    public static Examples tabular(int n, long seed) {
        Random r = new Random(seed);
        int features = 12, informative = 8;
        float[][] centres = new float[3][informative];
        Random c = new Random(7);
        for (float[] centre : centres) for (int j = 0; j < informative; j++) centre[j] = (float) (2 * c.nextGaussian());
        float[] f = new float[n * features];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            int k = r.nextInt(3);
            y[i] = k;
            for (int j = 0; j < features; j++) {
                f[i * features + j] = (float) ((j < informative ? centres[k][j] : 0) + 1.5 * r.nextGaussian());
            }
        }
        return new Examples(Path.of("tabular"), FeatureShape.vector(features), f, y);
    }

    /** The names of the files {@link #write} puts into its folder for {@code kind}, in the order it writes them. */
    public static java.util.List<String> fileNames(String kind) {
        checkKind(kind);
        String last = kind.equals("images") ? kind + "-features-idx4-ubyte.gz," + kind + "-labels-idx1-ubyte.gz" : kind + ".csv";
        return java.util.List.of((kind + "-x.npy," + kind + "-y.npy," + kind + ".bin," + last).split(","));
    }

    /**
     * Writes {@code n} examples of {@code kind} into {@code dir} in every format, the files {@link #fileNames} lists,
     * each atomically ({@link AtomicWrite}: a failed write leaves the old file or none), and returns a data spec reading
     * each, by format (each cuts 20% validation and 20% test with seed 0).
     */
    public static Map<String, String> write(String kind, int n, long seed, Path dir) throws IOException {
        java.util.List<String> names = fileNames(kind);
        boolean image = kind.equals("images");
        Examples e = image ? images(n, seed) : tabular(n, seed);
        Files.createDirectories(dir);
        String split = ",validation=0.2,test=0.2,seed=0,name=" + kind;
        Map<String, String> specs = new LinkedHashMap<>();
        Path x = dir.resolve(names.get(0)), y = dir.resolve(names.get(1));
        write(x, f -> writeNpyFeatures(e, f, image));
        write(y, f -> NpyWriter.longs(f, java.util.Arrays.stream(e.labels()).asLongStream().toArray(), e.size()));
        specs.put("npy", "npy:" + x + "+" + y + split);
        Path ds = dir.resolve(names.get(2));
        write(ds, f -> e.toDataSet(e.classesSeen()).save(f.toFile()));
        specs.put("dataset", "dataset:" + ds + split);
        if (image) {
            Path fx = dir.resolve(names.get(3)), fy = dir.resolve(names.get(4));
            write(fx, f -> writeIdxFeatures(e, f));
            write(fy, f -> writeIdxLabels(e, f));
            specs.put("idx", "idx:" + fx + "+" + fy + split);
        } else {
            Path csv = dir.resolve(names.get(3));
            write(csv, f -> writeCsv(e, f));
            specs.put("csv", "csv:" + csv + ",label=class" + split);
        }
        return specs;
    }

    /** What one file holds, written into the path given. */
    @FunctionalInterface
    private interface Body {
        void writeTo(Path file) throws IOException;
    }

    private static void write(Path target, Body body) throws IOException {
        AtomicWrite.write(target, f -> {
            body.writeTo(f);
            return null;
        });
    }

    private static void checkKind(String kind) {
        if (!KINDS.contains(kind)) throw new IllegalArgumentException("kind must be one of " + KINDS + ", found '" + kind + "'");
    }

    /** Images as {@code [N, 32, 32, 3]} (channels last, as NumPy users keep them); labels go as int64 indices. */
    private static void writeNpyFeatures(Examples e, Path x, boolean image) throws IOException {
        FeatureShape s = e.shape();
        float[] v = image ? channelsLast(e) : e.features();
        if (image) NpyWriter.floats(x, v, e.size(), s.height(), s.width(), s.channels());
        else NpyWriter.floats(x, v, e.size(), s.size());
    }

    private static float[] channelsLast(Examples e) {
        FeatureShape s = e.shape();
        int hw = s.height() * s.width(), c = s.channels(), item = hw * c;
        float[] out = new float[e.features().length];
        for (int i = 0; i < e.size(); i++) {
            for (int p = 0; p < hw; p++) for (int ch = 0; ch < c; ch++) out[i * item + p * c + ch] = e.features()[i * item + ch * hw + p];
        }
        return out;
    }

    private static void writeIdxFeatures(Examples e, Path fx) throws IOException {
        FeatureShape s = e.shape();
        float[] v = channelsLast(e);
        byte[] px = new byte[v.length];
        for (int i = 0; i < v.length; i++) px[i] = (byte) Math.round(Math.min(1f, Math.max(0f, v[i])) * 255);
        IdxWriter.write(fx, new Idx(0x00000804, new int[]{e.size(), s.height(), s.width(), s.channels()}, px));
    }

    private static void writeIdxLabels(Examples e, Path fy) throws IOException {
        byte[] lb = new byte[e.size()];
        for (int i = 0; i < lb.length; i++) lb[i] = (byte) e.labels()[i];
        IdxWriter.write(fy, new Idx(Idx.LABELS, new int[]{e.size()}, lb));
    }

    private static void writeCsv(Examples e, Path csv) throws IOException {
        int k = e.shape().size();
        try (Writer w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            StringBuilder h = new StringBuilder();
            for (int j = 0; j < k; j++) h.append("f").append(j).append(',');
            w.write(h.append("class\n").toString());
            for (int i = 0; i < e.size(); i++) {
                StringBuilder b = new StringBuilder();
                for (int j = 0; j < k; j++) b.append(String.format(Locale.ROOT, "%.4f", e.features()[i * k + j])).append(',');
                w.write(b.append(CLASS_NAMES[e.labels()[i]]).append('\n').toString());
            }
        }
    }

    /** The examples as a DataSet of their own shape and class count. */
    public static DataSet dataSet(Examples e) throws DataFormatException {
        return e.toDataSet(e.classesSeen());
    }
}
