package kernelwise.models.data;

import org.nd4j.linalg.dataset.DataSet;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The three fixed splits of one data set: float features {@code [N, ...shape]} (or flattened, {@code [N, shape.size()]})
 * and one-hot labels {@code [N, classes]}. MNIST and Fashion-MNIST come as {@code [N, 784]} rows of 1x28x28 images.
 *
 * @param name       the data set's name ({@code mnist}, {@code fashion-mnist}, or a user set's)
 * @param train      the training split (baseline training, fine-tuning, activation calibration)
 * @param validation the search-validation split (the search scores plans on it)
 * @param test       the test split (final reports only)
 * @param sha256     SHA-256 (hex) of each file read, keyed by file name (or path, for a user's files)
 * @param shape      one example's shape, as the data holds it (features are {@code [N, ...shape.dims()]}) or as stated
 * @param classes    the number of classes (the labels' width)
 */
public record DataSplits(String name, DataSet train, DataSet validation, DataSet test, Map<String, String> sha256,
                         FeatureShape shape, int classes) {
    public DataSplits {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("data set name must not be blank, found '" + name + "'");
        if (train == null || validation == null || test == null) throw new IllegalArgumentException("all three splits are needed for " + name);
        if (shape == null) throw new IllegalArgumentException("the feature shape of " + name + " must be given");
        check(name, "train", train, shape, classes);
        check(name, "validation", validation, shape, classes);
        check(name, "test", test, shape, classes);
        sha256 = Collections.unmodifiableMap(new TreeMap<>(sha256));
    }

    /** Splits whose shape and class count are read off the training split's arrays. */
    public DataSplits(String name, DataSet train, DataSet validation, DataSet test, Map<String, String> sha256) {
        this(name, train, validation, test, sha256, FeatureShape.ofArray(train.getFeatures().shape()),
                Math.toIntExact(train.getLabels().size(1)));
    }

    private static void check(String name, String split, DataSet d, FeatureShape shape, int classes) {
        if (d.numExamples() == 0) throw new IllegalArgumentException("the " + split + " split of " + name + " is empty");
        long[] f = d.getFeatures().shape();
        if (!FeatureShape.ofArray(f).equals(shape) && !(f.length == 2 && f[1] == shape.size())) {
            throw new IllegalArgumentException("the " + split + " split of " + name + " has features of shape "
                    + FeatureShape.ofArray(f) + ", expected " + shape);
        }
        long[] l = d.getLabels().shape();
        if (l.length != 2 || l[1] != classes || l[0] != f[0]) {
            throw new IllegalArgumentException("the " + split + " split of " + name + " needs one-hot labels [" + f[0] + ", "
                    + classes + "], found " + java.util.Arrays.toString(l));
        }
    }

    /**
     * Splits handed over from Java: each iterator is reset and drained once into memory (features {@code [n, F]} or
     * {@code [n, C, H, W]}, one-hot labels), the shape and class count read off the arrays, each split's SHA-256
     * computed over its values. Use {@link DataSpec#java(String)} with {@code name} in a run's configuration.
     *
     * @throws IllegalArgumentException for an empty iterator, batches without labels, or splits that disagree in shape
     */
    public static DataSplits fromIterators(String name, org.nd4j.linalg.dataset.api.iterator.DataSetIterator train,
                                           org.nd4j.linalg.dataset.api.iterator.DataSetIterator validation,
                                           org.nd4j.linalg.dataset.api.iterator.DataSetIterator test) {
        return IteratorData.of(name, train, validation, test);
    }

    /** Examples in the three splits together. */
    public long examples() {
        return (long) train.numExamples() + validation.numExamples() + test.numExamples();
    }

    /**
     * These splits with every example's features as arrays of shape {@code to} (same size; a view where the order
     * allows); a vector shape gives flattened rows and keeps this shape as the examples' shape.
     */
    public DataSplits reshaped(FeatureShape to) {
        if (FeatureShape.ofArray(train.getFeatures().shape()).equals(to)) return this;
        if (to.size() != shape.size()) throw new IllegalArgumentException("cannot reshape " + shape + " features to " + to);
        return new DataSplits(name, reshape(train, to), reshape(validation, to), reshape(test, to), sha256, to.isImage() ? to : shape, classes);
    }

    private static DataSet reshape(DataSet d, FeatureShape to) {
        return new DataSet(d.getFeatures().reshape('c', to.withExamples(d.numExamples())), d.getLabels());
    }

    /** One line: name, example counts, shape and classes. */
    public String describe() {
        return String.format("%s (%,d train, %,d validation, %,d test; features %s, %d classes)", name, train.numExamples(),
                validation.numExamples(), test.numExamples(), shape, classes);
    }
}
