package kernelwise.models.train;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import kernelwise.models.Checksums;
import kernelwise.models.Provenance;
import kernelwise.models.data.DataSplits;
import kernelwise.models.zoo.ModelFileException;
import kernelwise.models.zoo.ModelZoo;
import kernelwise.models.zoo.Models;
import org.deeplearning4j.nn.api.Model;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Trained models in one folder (normally {@code results/models/}): {@code <model>-<dataset>.zip}, a DL4J
 * ModelSerializer zip, next to {@code <model>-<dataset>.json}, its {@link ModelCard}. Files are written to a
 * temporary name and moved into place, so readers never see half a file.
 */
public final class ModelStore {
    private static final Logger log = LoggerFactory.getLogger(ModelStore.class);
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Path dir;

    /** A store over {@code dir} (created when the first model is saved). */
    public ModelStore(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
    }

    /** The store in {@code resultsDir/models}. */
    public static ModelStore inResults(Path resultsDir) {
        return new ModelStore(resultsDir.resolve("models"));
    }

    public Path dir() {
        return dir;
    }

    /** Where the zip of {@code model} trained on {@code dataset} is (or would be). */
    public Path zipOf(String model, String dataset) {
        return dir.resolve(model + "-" + dataset + ".zip");
    }

    /** Where its sidecar is (or would be). */
    public Path cardOf(String model, String dataset) {
        return dir.resolve(model + "-" + dataset + ".json");
    }

    /** Saves a trained network and its card; returns the card with the zip's checksum and provenance filled in. */
    public ModelCard save(Model network, String model, DataSplits data, TrainConfig cfg, TrainResult result) throws IOException {
        Files.createDirectories(dir);
        Path zip = zipOf(model, data.name());
        Path tmpZip = Files.createTempFile(dir, ".saving-", ".zip");
        try {
            Models.save(network, tmpZip);
            String sha = Checksums.sha256(tmpZip);
            ModelCard card = new ModelCard(ModelCard.SCHEMA_VERSION, model, data.name(), data.sha256(), Models.kind(network),
                    network.numParams(), cfg, result.testAccuracy(), result.validationAccuracy(), result.trainSeconds(),
                    result.epochSeconds(), zip.getFileName().toString(), sha, Provenance.capture());
            moveIntoPlace(tmpZip, zip);
            writeCard(card, cardOf(model, data.name()));
            log.info("saved {} ({} params, test accuracy {}) to {}", model, card.parameters(), card.testAccuracy(), zip);
            return card;
        } finally {
            Files.deleteIfExists(tmpZip);
        }
    }

    private void writeCard(ModelCard card, Path target) throws IOException {
        Path tmp = Files.createTempFile(dir, ".saving-", ".json");
        try {
            JSON.writeValue(tmp.toFile(), card);
            moveIntoPlace(tmp, target);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void moveIntoPlace(Path tmp, Path target) throws IOException {
        try {
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException e) {
            log.debug("no POSIX permissions on {}", tmp);
        }
        try {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** The card of {@code model} trained on {@code dataset}, if stored. */
    public Optional<ModelCard> card(String model, String dataset) throws IOException {
        Path f = cardOf(model, dataset);
        if (!Files.isRegularFile(f)) return Optional.empty();
        return Optional.of(readCard(f));
    }

    private static ModelCard readCard(Path f) throws IOException {
        try {
            return JSON.readValue(f.toFile(), ModelCard.class);
        } catch (IOException | IllegalArgumentException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
            throw new ModelFileException(f, "a model card (JSON)", "an unreadable one (" + why + ")");
        }
    }

    /** The cards of every stored model, by model then dataset; unreadable cards are skipped with a warning. */
    public List<ModelCard> list() throws IOException {
        if (!Files.isDirectory(dir)) return List.of();
        List<ModelCard> cards = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".json")
                    && !p.getFileName().toString().startsWith(".")).sorted().toList()) {
                try {
                    cards.add(readCard(f));
                } catch (ModelFileException e) {
                    log.warn("skipping {}", e.getMessage());
                }
            }
        }
        cards.sort(Comparator.comparing(ModelCard::model).thenComparing(ModelCard::dataset));
        return cards;
    }

    /**
     * Loads {@code model} trained on {@code dataset}, checking the zip against the card's checksum.
     *
     * @throws NoSuchFileException if it is not stored
     * @throws ModelFileException  if the zip has no card, does not match its card or cannot be read
     */
    public StoredModel load(String model, String dataset) throws IOException {
        Path cardFile = cardOf(model, dataset);
        if (!Files.isRegularFile(cardFile)) {
            if (Files.exists(zipOf(model, dataset))) {
                throw new ModelFileException(zipOf(model, dataset), "its model card " + cardFile.getFileName() + " beside it", "none (not stored by 'train')");
            }
            throw new NoSuchFileException(cardFile.toString());
        }
        ModelCard card = readCard(cardFile);
        Path zip = dir.resolve(card.zipFile());
        if (!Files.isRegularFile(zip)) throw new NoSuchFileException(zip.toString());
        String sha = Checksums.sha256(zip);
        if (!sha.equals(card.zipSha256())) {
            throw new ModelFileException(zip, "SHA-256 " + card.zipSha256() + " (from " + cardFile.getFileName() + ")", sha);
        }
        return new StoredModel(Models.load(zip), card, false);
    }

    /**
     * Loads the stored {@code model} trained on {@code data}, or, when none is stored, creates it from the zoo with
     * {@code cfg.seed()}, trains it with {@code cfg} and stores it.
     */
    public StoredModel loadOrTrain(String model, DataSplits data, TrainConfig cfg, TrainListener listener) throws IOException {
        if (Files.isRegularFile(cardOf(model, data.name()))) {
            StoredModel stored = load(model, data.name());
            if (!stored.card().datasetSha256().isEmpty() && !stored.card().datasetSha256().equals(data.sha256())) {
                throw new ModelFileException(cardOf(model, data.name()), "a model trained on these files of " + data.name() + " "
                        + data.sha256().keySet(), "one trained on other data (SHA-256 differ); train it again with 'train --model "
                        + model + " --data ...'");
            }
            return stored;
        }
        log.info("no stored {} for {}: training it", model, data.name());
        Model network = ModelZoo.create(model, cfg.seed(), data.shape(), data.classes());
        TrainResult result = Trainer.train(network, data.reshaped(kernelwise.models.data.FeatureShape.vector(data.shape().size())), cfg, listener);
        return new StoredModel(network, save(network, model, data, cfg, result), true);
    }
}
