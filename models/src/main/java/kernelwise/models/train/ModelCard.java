package kernelwise.models.train;

import kernelwise.models.Provenance;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The JSON sidecar of a stored model: what was trained, on which data, how, how well, and with what.
 *
 * @param schemaVersion      sidecar schema version ({@link #SCHEMA_VERSION})
 * @param model              zoo name (or the name it was stored under)
 * @param dataset            data set name
 * @param datasetSha256      SHA-256 of each data file, keyed by file name
 * @param networkKind        MultiLayerNetwork or ComputationGraph
 * @param parameters         number of parameters
 * @param config             the training settings, seed included
 * @param testAccuracy       accuracy on the test split
 * @param validationAccuracy accuracy on the validation split
 * @param trainSeconds       wall time of training (all epochs)
 * @param epochSeconds       wall time of each epoch
 * @param zipFile            the model zip's file name, next to this sidecar
 * @param zipSha256          SHA-256 of the model zip
 * @param provenance         library, JVM and OS versions and time
 */
public record ModelCard(int schemaVersion, String model, String dataset, Map<String, String> datasetSha256,
                        String networkKind, long parameters, TrainConfig config, double testAccuracy,
                        double validationAccuracy, double trainSeconds, List<Double> epochSeconds,
                        String zipFile, String zipSha256, Provenance provenance) {
    /** The schema this code writes. */
    public static final int SCHEMA_VERSION = 1;

    public ModelCard {
        if (schemaVersion < 1 || schemaVersion > SCHEMA_VERSION) {
            throw new IllegalArgumentException("model card schema version must be 1.." + SCHEMA_VERSION + ", found " + schemaVersion);
        }
        if (model == null || model.isBlank()) throw new IllegalArgumentException("model name must not be blank, found '" + model + "'");
        if (dataset == null || dataset.isBlank()) throw new IllegalArgumentException("dataset must not be blank, found '" + dataset + "'");
        datasetSha256 = Collections.unmodifiableMap(new TreeMap<>(datasetSha256));
        epochSeconds = List.copyOf(epochSeconds);
    }

    /** Epochs trained. */
    public int epochs() {
        return config.epochs();
    }

    /** Seed of initialization and batch order. */
    public long seed() {
        return config.seed();
    }
}
