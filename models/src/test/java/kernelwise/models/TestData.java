package kernelwise.models;

import kernelwise.models.data.DataSplits;
import kernelwise.models.data.Datasets;

import java.io.IOException;
import java.io.UncheckedIOException;

/** The real MNIST splits, loaded once per test JVM. */
public final class TestData {
    private static DataSplits mnist;

    private TestData() {
    }

    public static synchronized DataSplits mnist() {
        if (mnist == null) {
            try {
                mnist = Datasets.load("mnist", Folders.data());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return mnist;
    }
}
