package kernelwise.models.data;

import kernelwise.models.Folders;
import kernelwise.models.compress.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatasetsTest {
    @TempDir
    Path dir;

    @Test
    void givenRealMnist_whenLoaded_thenFixedSplitsOfScaledFeaturesAndOneHotLabels() throws IOException {
        DataSplits s = TestData.mnist();
        assertArrayEquals(new long[]{55_000, 784}, s.train().getFeatures().shape());
        assertArrayEquals(new long[]{5_000, 10}, s.validation().getLabels().shape());
        assertArrayEquals(new long[]{10_000, 784}, s.test().getFeatures().shape());
        assertEquals(0.0, s.train().getFeatures().minNumber().doubleValue());
        assertEquals(1.0, s.train().getFeatures().maxNumber().doubleValue());
        assertEquals(Nd4j.ones(10_000), s.test().getLabels().sum(1).castTo(Nd4j.ones(1).dataType()));
        assertEquals("ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db", s.sha256().get("train-images-idx3-ubyte"));
        assertEquals(4, s.sha256().size());
        // The first training label of MNIST is a 5, the first test label a 7.
        assertEquals(5, s.train().getLabels().getRow(0).argMax().getInt(0));
        assertEquals(7, s.test().getLabels().getRow(0).argMax().getInt(0));
    }

    @Test
    void givenGzippedFiles_whenLoaded_thenValidationIsTheLastItemsOfTheTrainingFile() throws IOException {
        Path d = Files.createDirectories(dir.resolve("fashion-mnist"));
        int n = Datasets.VALIDATION + 20;
        byte[] px = new byte[n * 784];
        new Random(4).nextBytes(px);
        byte[] labels = new byte[n];
        for (int i = 0; i < n; i++) labels[i] = (byte) (i % 10);
        IdxWriter.write(d.resolve("train-images-idx3-ubyte.gz"), new Idx(Idx.IMAGES, new int[]{n, 28, 28}, px));
        IdxWriter.write(d.resolve("train-labels-idx1-ubyte.gz"), new Idx(Idx.LABELS, new int[]{n}, labels));
        IdxWriter.write(d.resolve("t10k-images-idx3-ubyte.gz"), new Idx(Idx.IMAGES, new int[]{3, 28, 28}, new byte[3 * 784]));
        IdxWriter.write(d.resolve("t10k-labels-idx1-ubyte.gz"), new Idx(Idx.LABELS, new int[]{3}, new byte[]{1, 2, 3}));
        DataSplits s = Datasets.load("fashion-mnist", dir);
        assertEquals(20, s.train().numExamples());
        assertEquals(Datasets.VALIDATION, s.validation().numExamples());
        assertEquals((px[20 * 784] & 0xFF) / 255f, s.validation().getFeatures().getFloat(0, 0), 1e-7);
        assertEquals(0, s.validation().getLabels().getRow(0).argMax().getInt(0)); // item 20 has label 0
        assertEquals(3, s.test().numExamples());
    }

    @Test
    void givenRealFashionMnist_whenLoaded_thenGzippedFilesGiveTheSameSplitShapes() throws IOException {
        DataSplits s = Datasets.load("fashion-mnist", Folders.data());
        assertArrayEquals(new long[]{55_000, 784}, s.train().getFeatures().shape());
        assertArrayEquals(new long[]{10_000, 10}, s.test().getLabels().shape());
        assertEquals("8d3605d196f4be44669e46906da9733c8131fef761fdbfec72c424d5222f1a05", s.sha256().get("t10k-labels-idx1-ubyte.gz"));
    }

    @Test
    void givenLabelCountDifferentFromImageCount_whenLoaded_thenLabelFileRefused() throws IOException {
        Path d = Files.createDirectories(dir.resolve("mnist"));
        int n = Datasets.VALIDATION + 1;
        IdxWriter.write(d.resolve("train-images-idx3-ubyte"), new Idx(Idx.IMAGES, new int[]{n, 28, 28}, new byte[n * 784]));
        IdxWriter.write(d.resolve("train-labels-idx1-ubyte"), new Idx(Idx.LABELS, new int[]{n - 1}, new byte[n - 1]));
        IdxWriter.write(d.resolve("t10k-images-idx3-ubyte"), new Idx(Idx.IMAGES, new int[]{1, 28, 28}, new byte[784]));
        IdxWriter.write(d.resolve("t10k-labels-idx1-ubyte"), new Idx(Idx.LABELS, new int[]{1}, new byte[1]));
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> Datasets.load("mnist", dir));
        assertEquals(d.resolve("train-labels-idx1-ubyte") + ": expected " + n + " labels (one per image of train-images-idx3-ubyte), found "
                + (n - 1), e.getMessage());
    }

    @Test
    void givenMissingFile_whenLoaded_thenOneLineNamesFileAndFetchCommand() {
        DataMissingException e = assertThrows(DataMissingException.class, () -> Datasets.load("mnist", dir));
        assertTrue(e.getMessage().contains(dir.resolve("mnist/train-images-idx3-ubyte").toString()), e.getMessage());
        assertTrue(e.getMessage().contains("./kernelwise data fetch mnist"), e.getMessage());
        assertTrue(e.getMessage().contains("scripts/fetch-data.sh mnist"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void givenUnknownName_whenLoaded_thenErrorListsKnownNames() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Datasets.load("cifar", dir));
        assertEquals("unknown data set 'cifar' (known: mnist, fashion-mnist, digits)", e.getMessage());
    }

    @Test
    void givenDataSet_whenFirstN_thenCopyOfLeadingRows() {
        DataSet ds = new DataSet(Nd4j.rand(20, 784), Nd4j.eye(10).repeat(0, 2));
        DataSet sub = Datasets.first(ds, 5);
        assertEquals(5, sub.numExamples());
        assertEquals(ds.getFeatures().getRow(4), sub.getFeatures().getRow(4));
        assertEquals(20, Datasets.first(ds, 100).numExamples());
    }
}
