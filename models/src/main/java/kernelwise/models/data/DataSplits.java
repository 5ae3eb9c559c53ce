package kernelwise.models.data;

import org.nd4j.linalg.dataset.DataSet;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The three fixed splits of one data set: features [N, 784] in [0, 1], one-hot labels [N, 10].
 *
 * @param name       the data set's name ({@code mnist}, {@code fashion-mnist})
 * @param train      the first 55,000 images of the training file
 * @param validation the last 5,000 images of the training file (the search scores plans on it)
 * @param test       the official 10,000 test images (final reports only)
 * @param sha256     SHA-256 (hex) of each file read, keyed by file name
 */
public record DataSplits(String name, DataSet train, DataSet validation, DataSet test, Map<String, String> sha256) {
    public DataSplits {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("data set name must not be blank, found '" + name + "'");
        if (train == null || validation == null || test == null) throw new IllegalArgumentException("all three splits are needed for " + name);
        sha256 = Collections.unmodifiableMap(new TreeMap<>(sha256));
    }
}
