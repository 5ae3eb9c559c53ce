package kernelwise.models.data;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Examples as a reader yields them before they become a {@link DataSet}: float features in one flat array
 * ({@code n * shape.size()} values, each example's in C order) and one class index per example.
 *
 * @param source   the file(s) they came from, for messages
 * @param shape    one example's shape
 * @param features the features, example after example
 * @param labels   class indices, {@code >= 0}
 * @param declared the class count the file itself declares (the width of one-hot labels), or 0
 */
public record Examples(Path source, FeatureShape shape, float[] features, int[] labels, int declared) {

    public Examples {
        if ((long) labels.length * shape.size() != features.length) {
            throw new IllegalArgumentException(source + ": " + labels.length + " labels need " + (long) labels.length * shape.size()
                    + " feature values of shape " + shape + ", found " + features.length);
        }
    }

    /** Examples whose file declares no class count. */
    public Examples(Path source, FeatureShape shape, float[] features, int[] labels) {
        this(source, shape, features, labels, 0);
    }

    public int size() {
        return labels.length;
    }

    /** The largest label plus one, or the declared class count if larger. */
    public int classesSeen() {
        return Math.max(declared, Arrays.stream(labels).max().orElse(-1) + 1);
    }

    /** These examples with each one's features read as {@code to} (same size). */
    public Examples reshaped(FeatureShape to) throws DataFormatException {
        if (to.size() != shape.size()) {
            throw new DataFormatException(source, null, "examples of " + to.size() + " features (shape " + to + ")",
                    shape.size() + " features (shape " + shape + ")");
        }
        return new Examples(source, to, features, labels, declared);
    }

    /** These examples with every feature divided by {@code scale}. */
    public Examples scaled(double scale) {
        if (scale == 1) return this;
        float[] f = features.clone();
        float s = (float) scale;
        for (int i = 0; i < f.length; i++) f[i] /= s;
        return new Examples(source, shape, f, labels, declared);
    }

    /** The examples at {@code rows}, in that order. */
    public Examples rows(int[] rows) {
        int k = shape.size();
        float[] f = new float[rows.length * k];
        int[] l = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(features, rows[i] * k, f, i * k, k);
            l[i] = labels[rows[i]];
        }
        return new Examples(source, shape, f, l, declared);
    }

    /** All examples of {@code parts} (which share one shape), one after the other. */
    public static Examples concat(List<Examples> parts) {
        if (parts.size() == 1) return parts.get(0);
        FeatureShape shape = parts.get(0).shape();
        int n = 0, m = 0, declared = 0;
        for (Examples e : parts) {
            declared = Math.max(declared, e.declared());
            if (!e.shape().equals(shape)) {
                throw new IllegalArgumentException(e.source() + ": features of shape " + e.shape() + " where " + parts.get(0).source()
                        + " has " + shape);
            }
            n += e.size();
            m += e.features().length;
        }
        float[] f = new float[m];
        int[] l = new int[n];
        int fo = 0, lo = 0;
        for (Examples e : parts) {
            System.arraycopy(e.features(), 0, f, fo, e.features().length);
            System.arraycopy(e.labels(), 0, l, lo, e.size());
            fo += e.features().length;
            lo += e.size();
        }
        return new Examples(parts.get(0).source(), shape, f, l, declared);
    }

    /**
     * As a DataSet: features {@code [n, ...shape]}, one-hot labels {@code [n, classes]}.
     *
     * @throws DataFormatException naming the first example whose label is not below {@code classes}
     */
    public DataSet toDataSet(int classes) throws DataFormatException {
        float[] y = new float[labels.length * classes];
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new DataFormatException(source, "example " + i, "a label in 0.." + (classes - 1), labels[i]);
            }
            y[i * classes + labels[i]] = 1f;
        }
        INDArray x = Nd4j.create(features, shape.withExamples(labels.length), 'c');
        return new DataSet(x, Nd4j.create(y, new long[]{labels.length, classes}, 'c').castTo(DataType.FLOAT));
    }
}
