package kernelwise.models.zoo;

import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/** Loading, saving and running any DL4J network (MultiLayerNetwork or ComputationGraph) the same way. */
public final class Models {
    private Models() {
    }

    /**
     * Loads a DL4J {@code ModelSerializer} zip, telling a MultiLayerNetwork from a ComputationGraph by its configuration,
     * or a Keras HDF5 file ({@code .h5}, {@code .hdf5}; see {@link KerasModels}).
     *
     * @throws NoSuchFileException  if {@code zip} does not exist
     * @throws ModelFileException   if it is not a readable DL4J model zip
     */
    public static Model load(Path zip) throws IOException {
        if (!Files.isRegularFile(zip)) throw new NoSuchFileException(zip.toString());
        if (KerasModels.isKeras(zip)) return KerasModels.load(zip);
        boolean graph = isGraph(zip);
        try {
            return graph ? ModelSerializer.restoreComputationGraph(zip.toFile(), true)
                    : ModelSerializer.restoreMultiLayerNetwork(zip.toFile(), true);
        } catch (IOException | RuntimeException e) {
            throw new ModelFileException(zip, "a loadable DL4J " + (graph ? "ComputationGraph" : "MultiLayerNetwork"),
                    e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
    }

    /** Writes {@code model} with its updater state as a {@code ModelSerializer} zip. */
    public static void save(Model model, Path zip) throws IOException {
        ModelSerializer.writeModel(model, zip.toFile(), true);
    }

    private static boolean isGraph(Path zip) throws IOException {
        try (ZipFile z = new ZipFile(zip.toFile())) {
            ZipEntry conf = z.getEntry("configuration.json");
            if (conf == null) throw new ModelFileException(zip, "a DL4J model zip with configuration.json", "no configuration.json");
            try (InputStream in = z.getInputStream(conf)) {
                String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                if (json.contains("\"vertices\"")) return true;
                if (json.contains("\"confs\"")) return false;
                throw new ModelFileException(zip, "a MultiLayerNetwork or ComputationGraph configuration", "neither");
            }
        } catch (ZipException e) {
            throw new ModelFileException(zip, "a zip file", "a corrupt or non-zip file (" + e.getMessage() + ")");
        }
    }

    /** The network's output (softmax probabilities) for features {@code x}, in inference mode. */
    public static INDArray output(Model model, INDArray x) {
        if (model instanceof MultiLayerNetwork m) return m.output(x, false);
        if (model instanceof ComputationGraph g) return g.outputSingle(false, x);
        throw new IllegalArgumentException("model must be a MultiLayerNetwork or ComputationGraph, found " + model.getClass().getName());
    }

    /** A deep copy (parameters and updater state). */
    public static Model copy(Model model) {
        if (model instanceof MultiLayerNetwork m) return m.clone();
        if (model instanceof ComputationGraph g) return g.clone();
        throw new IllegalArgumentException("model must be a MultiLayerNetwork or ComputationGraph, found " + model.getClass().getName());
    }

    /** "MultiLayerNetwork" or "ComputationGraph". */
    public static String kind(Model model) {
        return model.getClass().getSimpleName();
    }
}
