package kernelwise.search;

import kernelwise.models.Checksums;
import kernelwise.models.Folders;
import kernelwise.models.data.DataSplits;
import kernelwise.models.train.ModelCard;
import kernelwise.models.train.ModelStore;
import kernelwise.models.train.StoredModel;
import kernelwise.models.train.TrainConfig;
import kernelwise.models.train.TrainListener;
import kernelwise.models.zoo.ModelZoo;
import kernelwise.models.zoo.Models;
import org.deeplearning4j.nn.api.Model;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The network a search compresses: a zoo model (trained and stored on first use) or a model zip given by path. */
final class ModelSource {
    private static final Logger log = LoggerFactory.getLogger(ModelSource.class);

    /** A loaded network and what identifies it. */
    record Loaded(Model network, Map<String, Object> provenance) {
    }

    private ModelSource() {
    }

    static boolean isPath(String model) {
        return model.endsWith(".zip") || model.endsWith(".h5") || model.endsWith(".hdf5") || model.contains("/") || model.contains("\\");
    }

    /**
     * Refuses, before anything is loaded, a model that is neither a zoo name nor an existing file.
     *
     * @throws IllegalArgumentException for a name that is neither a zoo model nor a path
     * @throws NoSuchFileException     for a missing zip
     */
    static void check(String model) throws NoSuchFileException {
        if (isPath(model)) {
            if (!Files.isRegularFile(Path.of(model))) throw new NoSuchFileException(model);
        } else if (!ModelZoo.contains(model)) {
            throw new UnknownModelException("no such model: '" + model + "' is neither a zoo model (" + String.join(", ", ModelZoo.names())
                    + ") nor a model file");
        }
    }

    /**
     * @throws IllegalArgumentException for a name that is neither a zoo model nor a path
     * @throws NoSuchFileException      for a missing zip
     */
    static Loaded load(String model, DataSplits data) throws IOException {
        return load(model, data, new TrainListener() { });
    }

    /** As {@link #load(String, DataSplits)}, telling {@code progress} of a zoo model's training if it is trained now. */
    static Loaded load(String model, DataSplits data, TrainListener progress) throws IOException {
        check(model);
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("model", model);
        if (isPath(model)) {
            Path zip = Path.of(model);
            p.put("modelSha256", Checksums.sha256(zip));
            return new Loaded(Models.load(zip), p);
        }
        ModelStore store = ModelStore.inResults(Folders.results());
        StoredModel stored = store.loadOrTrain(model, data, TrainConfig.defaults(model), new TrainListener() {
            @Override
            public void onStart(int epochs, int batchesPerEpoch) {
                progress.onStart(epochs, batchesPerEpoch);
            }

            @Override
            public void onBatch(int epoch, int batch, double loss) {
                progress.onBatch(epoch, batch, loss);
            }

            @Override
            public void onEpochEnd(int epoch, double seconds) {
                log.info("training {} before the search: epoch {} took {} s", model, epoch + 1, Math.round(seconds));
                progress.onEpochEnd(epoch, seconds);
            }

            @Override
            public void onEvaluate(String split) {
                progress.onEvaluate(split);
            }
        });
        ModelCard card = stored.card();
        p.put("modelZip", store.dir().resolve(card.zipFile()).toString());
        p.put("modelSha256", card.zipSha256());
        p.put("modelTestAccuracy", card.testAccuracy());
        p.put("modelTrainedNow", stored.trained());
        return new Loaded(stored.network(), p);
    }
}
