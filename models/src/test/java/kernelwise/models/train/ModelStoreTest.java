package kernelwise.models.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import kernelwise.models.compress.TestData;
import kernelwise.models.data.DataSplits;
import kernelwise.models.data.Datasets;
import kernelwise.models.zoo.ModelFileException;
import kernelwise.models.zoo.Models;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelStoreTest {
    static DataSplits tiny;

    @TempDir
    Path dir;

    @BeforeAll
    static void load() {
        DataSplits m = TestData.mnist();
        tiny = new DataSplits("mnist", Datasets.first(m.train(), 500), Datasets.first(m.validation(), 200),
                Datasets.first(m.test(), 200), m.sha256());
    }

    @Test
    void givenNoStoredModel_whenLoadOrTrain_thenTrainsAndStores_andSecondCallLoadsTheSameNetwork() throws IOException {
        ModelStore store = new ModelStore(dir);
        TrainConfig cfg = new TrainConfig(1, 50, 1e-3, 1, 3);
        StoredModel first = store.loadOrTrain("lenet300", tiny, cfg, TrainListener.NONE);
        assertTrue(first.trained());
        StoredModel second = store.loadOrTrain("lenet300", tiny, cfg, TrainListener.NONE);
        assertFalse(second.trained());
        DataSplits other = new DataSplits(tiny.name(), tiny.train(), tiny.validation(), tiny.test(), java.util.Map.of("x.npy", "00"));
        ModelFileException stale = assertThrows(ModelFileException.class, () -> store.loadOrTrain("lenet300", other, cfg, TrainListener.NONE));
        assertTrue(stale.getMessage().contains("one trained on other data"), stale.getMessage());
        assertEquals(first.card(), second.card());
        INDArray x = tiny.test().getFeatures();
        assertEquals(Models.output(first.network(), x), Models.output(second.network(), x));
        ModelCard c = second.card();
        assertEquals(266_610, c.parameters());
        assertEquals(cfg, c.config());
        assertEquals(tiny.sha256(), c.datasetSha256());
        assertEquals("MultiLayerNetwork", c.networkKind());
        assertEquals(Trainer.accuracy(second.network(), tiny.test()), c.testAccuracy());
        assertEquals("1.0.0-M1.1", c.provenance().dl4jVersion());
        assertEquals(1, store.list().size());
        assertTrue(Files.isRegularFile(dir.resolve("lenet300-mnist.zip")));
        assertTrue(Files.readString(dir.resolve("lenet300-mnist.json")).contains("\"testAccuracy\""));
    }

    @Test
    void givenZipChangedAfterSaving_whenLoaded_thenChecksumMismatchIsRefused() throws IOException {
        ModelStore store = new ModelStore(dir);
        store.loadOrTrain("lenet300", tiny, new TrainConfig(1, 100, 1e-3, 1, 3), TrainListener.NONE);
        Files.write(dir.resolve("lenet300-mnist.zip"), new byte[]{0}, StandardOpenOption.APPEND);
        ModelFileException e = assertThrows(ModelFileException.class, () -> store.load("lenet300", "mnist"));
        assertTrue(e.getMessage().contains("expected SHA-256"), e.getMessage());
    }

    @Test
    void givenEmptyStore_whenListedOrLoaded_thenEmptyListAndNoSuchFile() throws IOException {
        ModelStore store = new ModelStore(dir.resolve("absent"));
        assertTrue(store.list().isEmpty());
        assertThrows(NoSuchFileException.class, () -> store.load("lenet5", "mnist"));
    }

    @Test
    void givenCard_whenWrittenAsJsonAndRead_thenEqual() throws IOException {
        ModelStore store = new ModelStore(dir);
        ModelCard c = store.loadOrTrain("lenet300", tiny, new TrainConfig(1, 100, 1e-3, 1, 5), TrainListener.NONE).card();
        ObjectMapper json = new ObjectMapper();
        assertEquals(c, json.readValue(json.writeValueAsString(c), ModelCard.class));
    }
}
