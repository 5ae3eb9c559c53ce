package kernelwise.models.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DataFilesTest {
    @TempDir
    Path dir;

    private static java.util.Set<String> filesIn(Path d) throws IOException {
        try (var files = java.nio.file.Files.list(d)) {
            return files.map(p -> p.getFileName().toString()).collect(java.util.stream.Collectors.toSet());
        }
    }

    private static DataSplits load(String spec) throws IOException {
        return Datasets.load(DataSpec.parse(spec), Path.of("."));
    }

    @Test
    void givenGeneratedImagesInEveryFormat_whenLoaded_thenSameShapeClassesSplitsAndValues() throws IOException {
        Map<String, String> specs = SyntheticData.write("images", 100, 3, dir);
        assertEquals(java.util.Set.of("npy", "dataset", "idx"), specs.keySet());
        assertEquals(java.util.Set.copyOf(SyntheticData.fileNames("images")), filesIn(dir), "fileNames lists what write writes");
        DataSplits npy = load(specs.get("npy"));
        assertEquals(FeatureShape.image(3, 32, 32), npy.shape());
        assertEquals(4, npy.classes());
        assertEquals(60, npy.train().numExamples());
        assertEquals(20, npy.validation().numExamples());
        assertEquals(20, npy.test().numExamples());
        assertArrayEquals(new long[]{20, 3, 32, 32}, npy.test().getFeatures().shape());
        assertEquals(2, npy.sha256().size());
        DataSplits ds = load(specs.get("dataset"));
        assertEquals(npy.validation().getFeatures(), ds.validation().getFeatures());
        assertEquals(npy.validation().getLabels(), ds.validation().getLabels());
        DataSplits idx = load(specs.get("idx"));
        assertEquals(npy.shape(), idx.shape());
        assertEquals(npy.test().getLabels(), idx.test().getLabels());
        // bytes: within half a grey level of the float images (clipped to [0, 1])
        double err = idx.test().getFeatures().sub(npy.test().getFeatures().dup().muli(1)).amaxNumber().doubleValue();
        assertTrue(err < 0.46, "idx images differ from the npy ones by " + err);
    }

    @Test
    void givenTabularCsvWithClassNames_whenLoaded_thenNamesAreSortedIndicesAndTheCsvMatchesTheNpy() throws IOException {
        Map<String, String> specs = SyntheticData.write("tabular", 90, 4, dir);
        assertEquals(java.util.Set.copyOf(SyntheticData.fileNames("tabular")), filesIn(dir), "fileNames lists what write writes");
        DataSplits csv = load(specs.get("csv"));
        DataSplits npy = load(specs.get("npy"));
        assertEquals(FeatureShape.vector(12), csv.shape());
        assertEquals(3, csv.classes());
        assertEquals(npy.train().getLabels(), csv.train().getLabels());
        assertEquals(0, csv.test().getFeatures().sub(npy.test().getFeatures()).amaxNumber().doubleValue(), 1e-4);
    }

    @Test
    void givenStatedSplits_whenLoaded_thenEachFileIsItsSplitAndValidationIsCutFromTrain() throws IOException {
        Path tr = dir.resolve("tr.csv"), te = dir.resolve("te.csv");
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 50; i++) b.append(i).append(',').append(i % 2).append('\n');
        Files.writeString(tr, b.toString());
        Files.writeString(te, "1,0\n2,1\n3,1\n");
        DataSplits s = load("csv:train=" + tr + ",test=" + te + ",classes=3");
        assertEquals(3, s.test().numExamples());
        assertEquals(45, s.train().numExamples());
        assertEquals(5, s.validation().numExamples());
        assertEquals(3, s.classes());
        assertEquals(2, s.sha256().size());
    }

    @Test
    void givenBadCsvRows_whenLoaded_thenRefusedNamingFileRowAndWhatWasFound() throws IOException {
        Path f = dir.resolve("bad.csv");
        Files.writeString(f, "a,b,label\n1,2,0\n3,4\n");
        DataFormatException e = assertThrows(DataFormatException.class, () -> load("csv:" + f));
        assertEquals(f + ": row 3: expected 3 columns (as row 1), found 2 columns", e.getMessage());
        Files.writeString(f, "1,2,0\n3,x,1\n");
        e = assertThrows(DataFormatException.class, () -> load("csv:" + f));
        assertEquals(f + ": row 2 column 2: expected a number, found 'x'", e.getMessage());
        Files.writeString(f, "a,b,y\n1,2,0\n");
        e = assertThrows(DataFormatException.class, () -> load("csv:" + f + ",label=z"));
        assertTrue(e.getMessage().contains("expected a column named 'z'"), e.getMessage());
    }

    @Test
    void givenNpyOfUnsupportedDtypeOrMismatchedLabels_whenLoaded_thenRefused() throws IOException {
        Path x = dir.resolve("x.npy"), y = dir.resolve("y.npy");
        NpyWriter.write(x, "<c8", new int[]{2, 2}, new byte[32]);
        NpyWriter.longs(y, new long[]{0, 1}, 2);
        DataFormatException e = assertThrows(DataFormatException.class, () -> load("npy:" + x + "+" + y));
        assertTrue(e.getMessage().contains("dtype: expected bool, int8..int64, uint8..uint64, float32 or float64, found '<c8'"), e.getMessage());
        NpyWriter.floats(x, new float[6], 3, 2);
        e = assertThrows(DataFormatException.class, () -> load("npy:" + x + "+" + y));
        assertTrue(e.getMessage().startsWith(y + ": expected 3 labels"), e.getMessage());
        NpyWriter.floats(y, new float[]{1, 0, 1, 1, 0, 1}, 3, 2);
        e = assertThrows(DataFormatException.class, () -> load("npy:" + x + "+" + y));
        assertTrue(e.getMessage().contains("example 1: expected a one-hot row of 2 values, found [1.0, 1.0]"), e.getMessage());
    }

    @Test
    void givenLabelsBeyondStatedClassesOrIdxCountsThatDiffer_whenLoaded_thenRefused() throws IOException {
        Path x = dir.resolve("x-idx3-ubyte"), y = dir.resolve("y-idx1-ubyte");
        IdxWriter.write(x, new Idx(Idx.IMAGES, new int[]{20, 2, 2}, new byte[80]));
        IdxWriter.write(y, new Idx(Idx.LABELS, new int[]{19}, new byte[19]));
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> load("idx:" + x + "+" + y));
        assertTrue(e.getMessage().contains("expected 20 labels (one per example of x-idx3-ubyte), found 19"), e.getMessage());
        byte[] labels = new byte[20];
        labels[7] = 5;
        IdxWriter.write(y, new Idx(Idx.LABELS, new int[]{20}, labels));
        DataFormatException d = assertThrows(DataFormatException.class, () -> load("idx:" + x + "+" + y + ",classes=3"));
        assertTrue(d.getMessage().contains("expected labels of 3 classes (classes=3), found 6 classes"), d.getMessage());
        assertThrows(NoSuchFileException.class, () -> load("idx:" + x + "+" + dir.resolve("none")));
    }

    @Test
    void givenShapeStated_whenCsvLoaded_thenVectorsAreReadAsImagesOrRefusedIfSizesDiffer() throws IOException {
        Path f = dir.resolve("img.csv");
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 20; i++) b.append("1,2,3,4,").append(i % 2).append('\n');
        Files.writeString(f, b.toString());
        assertEquals(FeatureShape.image(1, 2, 2), load("csv:" + f + ",shape=1x2x2").shape());
        DataFormatException e = assertThrows(DataFormatException.class, () -> load("csv:" + f + ",shape=1x3x3"));
        assertTrue(e.getMessage().contains("expected examples of 9 features (shape 1x3x3), found 4 features (shape 4)"), e.getMessage());
    }

    @Test
    void givenIterators_whenMadeIntoSplits_thenTheyAreDrainedWithShapeClassesAndChecksums() throws IOException {
        DataSet d = SyntheticData.dataSet(SyntheticData.images(40, 1));
        DataSetIterator it = Batches.ordered(d, 16);
        DataSplits s = DataSplits.fromIterators("mine", it, Batches.ordered(d, 7), Batches.ordered(d, 40));
        assertEquals(40, s.train().numExamples());
        assertEquals(FeatureShape.image(3, 32, 32), s.shape());
        assertEquals(d.getFeatures(), s.validation().getFeatures());
        assertEquals(s.sha256().get("iterator:train"), s.sha256().get("iterator:test"));
        assertEquals(3, s.sha256().size());
    }

    @Test
    void givenImageBatchesOfRankFour_whenShuffled_thenEachBatchKeepsTheImageShape() throws IOException {
        DataSet d = SyntheticData.dataSet(SyntheticData.images(10, 1));
        Batches b = Batches.shuffled(d, 4, 3);
        DataSet first = b.next();
        assertArrayEquals(new long[]{4, 3, 32, 32}, first.getFeatures().shape());
        int row = -1;
        for (int i = 0; i < 10 && row < 0; i++) if (d.getFeatures().slice(i).equals(first.getFeatures().slice(0))) row = i;
        assertTrue(row >= 0, "a shuffled batch's image is one of the data set's");
        assertEquals(d.getLabels().getRow(row), first.getLabels().getRow(0));
    }
}
