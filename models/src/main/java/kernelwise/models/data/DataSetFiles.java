package kernelwise.models.data;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Examples from DL4J {@link DataSet} files as {@code DataSet.save} writes them: one file, every regular file of a
 * directory (sorted by name), or the files matching a glob in the last path element ({@code dir/train-*.bin}).
 * Features {@code [N, F]} or images {@code [N, C, H, W]} (DL4J's order; {@code layout=nhwc} for {@code [N, H, W, C]});
 * labels one-hot {@code [N, K]}.
 */
final class DataSetFiles {
    private DataSetFiles() {
    }

    /** The files {@code pattern} names, sorted; none found is a {@link java.nio.file.NoSuchFileException}. */
    static List<Path> files(Path pattern) throws IOException {
        if (Files.isDirectory(pattern)) {
            try (Stream<Path> s = Files.list(pattern)) {
                List<Path> all = s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
                if (all.isEmpty()) throw new java.nio.file.NoSuchFileException(pattern + "/ (no DataSet files in it)");
                return all;
            }
        }
        String name = pattern.getFileName().toString();
        if (!name.contains("*") && !name.contains("?")) {
            if (!Files.isRegularFile(pattern)) throw new java.nio.file.NoSuchFileException(pattern.toString());
            return List.of(pattern);
        }
        Path dir = pattern.getParent() == null ? Path.of(".") : pattern.getParent();
        var matcher = dir.getFileSystem().getPathMatcher("glob:" + name);
        List<Path> all = new ArrayList<>();
        if (Files.isDirectory(dir)) {
            try (Stream<Path> s = Files.list(dir)) {
                s.filter(p -> Files.isRegularFile(p) && matcher.matches(p.getFileName())).sorted().forEach(all::add);
            }
        }
        if (all.isEmpty()) throw new java.nio.file.NoSuchFileException(pattern + " (no file matches)");
        return all;
    }

    static Examples read(Path file, String layout, double scale) throws IOException {
        DataSet d = new DataSet();
        try {
            d.load(file.toFile());
        } catch (RuntimeException e) {
            throw new DataFormatException(file, null, "a DL4J DataSet file (DataSet.save)", "an unreadable one (" + e.getClass().getSimpleName() + ")");
        }
        INDArray x = d.getFeatures(), y = d.getLabels();
        if (x == null || y == null) throw new DataFormatException(file, null, "a DataSet with features and labels", "one without " + (x == null ? "features" : "labels"));
        long[] s = x.shape();
        if (s.length != 2 && s.length != 4) throw new DataFormatException(file, "features", "[N, F] or [N, C, H, W]", Arrays.toString(s));
        if ("nhwc".equals(layout) && s.length == 4) x = x.permute(0, 3, 1, 2);
        if (y.rank() != 2 || y.size(0) != x.size(0)) {
            throw new DataFormatException(file, "labels", "one-hot labels [" + x.size(0) + ", K]", Arrays.toString(y.shape()));
        }
        FeatureShape shape = FeatureShape.ofArray(x.shape());
        float[] f = x.castTo(DataType.FLOAT).dup('c').reshape(-1).toFloatVector();
        if (scale != 1) for (int i = 0; i < f.length; i++) f[i] /= (float) scale;
        return new Examples(file, shape, f, argMaxOneHot(file, y), Math.toIntExact(y.size(1)));
    }

    private static int[] argMaxOneHot(Path file, INDArray y) throws DataFormatException {
        int n = (int) y.size(0), k = (int) y.size(1);
        float[] v = y.castTo(DataType.FLOAT).dup('c').reshape(-1).toFloatVector();
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            int hot = -1, ones = 0;
            for (int j = 0; j < k; j++) {
                if (v[i * k + j] == 1f) {
                    hot = j;
                    ones++;
                } else if (v[i * k + j] != 0f) {
                    ones = -1;
                    break;
                }
            }
            if (ones != 1) {
                throw new DataFormatException(file, "example " + i, "a one-hot label row of " + k + " values",
                        Arrays.toString(Arrays.copyOfRange(v, i * k, i * k + k)));
            }
            labels[i] = hot;
        }
        return labels;
    }
}
