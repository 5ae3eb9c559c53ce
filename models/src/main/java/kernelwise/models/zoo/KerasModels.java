package kernelwise.models.zoo;

import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.modelimport.keras.KerasModelImport;
import org.deeplearning4j.nn.modelimport.keras.exceptions.InvalidKerasConfigurationException;
import org.deeplearning4j.nn.modelimport.keras.exceptions.UnsupportedKerasConfigurationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Keras HDF5 models (tf.keras 2.x, {@code model.save("m.h5")}) through DL4J's model import: a {@code Sequential}
 * model becomes a MultiLayerNetwork, a functional one a ComputationGraph. The file needs its
 * {@code training_config} (saved by a compiled model) so that the last Dense layer imports as an output layer with
 * its loss. Keras 3 files ({@code .keras}) are not HDF5 and not read.
 */
final class KerasModels {
    private static final Logger log = LoggerFactory.getLogger(KerasModels.class);

    private KerasModels() {
    }

    static boolean isKeras(Path file) {
        String n = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return n.endsWith(".h5") || n.endsWith(".hdf5");
    }

    /** @throws ModelFileException naming the file and what DL4J could not import (a layer, a missing training config) */
    static Model load(Path file) throws IOException {
        String f = file.toString();
        try {
            try {
                return KerasModelImport.importKerasSequentialModelAndWeights(f, true);
            } catch (InvalidKerasConfigurationException notSequential) {
                log.debug("{} is not a Sequential model ({}): importing it as a functional one", file, firstLine(notSequential));
                return KerasModelImport.importKerasModelAndWeights(f, true);
            }
        } catch (UnsupportedKerasConfigurationException e) {
            throw new ModelFileException(file, "a Keras model DL4J can import", "what it cannot (" + firstLine(e) + ")");
        } catch (InvalidKerasConfigurationException | IOException | RuntimeException e) {
            throw new ModelFileException(file, "a Keras 2 HDF5 model with its training config", "an unreadable one ("
                    + e.getClass().getSimpleName() + ": " + firstLine(e) + ")");
        }
    }

    private static String firstLine(Exception e) {
        return e.getMessage() == null ? "no message" : e.getMessage().lines().findFirst().orElse("").trim();
    }
}
