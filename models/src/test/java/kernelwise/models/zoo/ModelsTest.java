package kernelwise.models.zoo;

import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelsTest {
    @TempDir
    Path dir;

    @Test
    void givenSavedNetworkAndGraph_whenLoaded_thenRightKindAndSameOutputs() throws IOException {
        INDArray x = Nd4j.rand(2, 784);
        for (String name : new String[]{"lenet300", "resnet-small"}) {
            Model m = ModelZoo.create(name, 3);
            Path zip = dir.resolve(name + ".zip");
            Models.save(m, zip);
            Model back = Models.load(zip);
            assertEquals(m.getClass(), back.getClass());
            assertEquals(Models.output(m, x), Models.output(back, x));
        }
        assertInstanceOf(ComputationGraph.class, Models.load(dir.resolve("resnet-small.zip")));
        assertInstanceOf(MultiLayerNetwork.class, Models.load(dir.resolve("lenet300.zip")));
    }

    @Test
    void givenMissingFile_whenLoaded_thenNoSuchFile() {
        assertThrows(NoSuchFileException.class, () -> Models.load(dir.resolve("nope.zip")));
    }

    @Test
    void givenNonZipFile_whenLoaded_thenOneLineErrorNamingTheFile() throws IOException {
        Path f = Files.writeString(dir.resolve("bad.zip"), "not a zip");
        ModelFileException e = assertThrows(ModelFileException.class, () -> Models.load(f));
        assertTrue(e.getMessage().startsWith(f + ": expected a zip file"), e.getMessage());
    }

    @Test
    void givenTruncatedModelZip_whenLoaded_thenModelFileException() throws IOException {
        Path zip = dir.resolve("m.zip");
        Models.save(ModelZoo.create("lenet300", 1), zip);
        byte[] all = Files.readAllBytes(zip);
        Files.write(zip, Arrays.copyOf(all, all.length / 2));
        ModelFileException e = assertThrows(ModelFileException.class, () -> Models.load(zip));
        assertTrue(e.getMessage().startsWith(zip.toString()), e.getMessage());
    }
}
