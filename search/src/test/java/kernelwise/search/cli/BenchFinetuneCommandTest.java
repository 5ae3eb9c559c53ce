package kernelwise.search.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import kernelwise.models.train.ModelStore;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BenchFinetuneCommandTest {

    @TempDir
    Path dir;

    @AfterEach
    void clearProperties() {
        System.clearProperty("kernelwise.results");
    }

    @Test
    void givenAnUnknownMethod_whenBenchFinetune_thenExitTwoNamingIt() {
        CliRun run = CliRun.of("bench", "finetune", "--methods", "qat,magic");
        assertEquals(ExitCode.USAGE, run.code(), run.err());
        assertTrue(run.err().contains("magic"), run.err());
    }

    @Test
    void givenNoStoredModel_whenBenchFinetune_thenExitThree() {
        System.setProperty("kernelwise.results", dir.toString());
        CliRun run = CliRun.of("bench", "finetune", "--methods", "qat");
        assertEquals(ExitCode.NOT_FOUND, run.code(), run.err());
        assertEquals(1, run.err().lines().count(), run.err());
    }

    @Test
    void givenAStoredModel_whenBenchFinetuneRunsOneRow_thenTheTableShowsTheFileItWroteAndWhatItMeasured() throws Exception {
        System.setProperty("kernelwise.results", dir.resolve("results").toString());
        MultiLayerNetwork net = TinyZoo.storeConv(dir.resolve("results"), 2);
        Path out = dir.resolve("bench");
        CliRun run = CliRun.of("bench", "finetune", "--model", "tinyconv", "--dataset", "digits", "--builtin", "uniform4-90", "--methods", "qat",
                "--epochs", "1", "--retrain-epochs", "0", "--train-limit", "256", "--out", out.toString(), "--json");
        assertEquals(ExitCode.OK, run.code(), run.err());

        JsonNode table = new ObjectMapper().readTree(Files.readString(out.resolve("finetune.json")));
        JsonNode row = table.get("rows").get(0);
        Path kw = out.resolve("finetune/uniform4-90-qat.kw");
        long params = ModelStore.inResults(dir.resolve("results")).load("tinyconv", "digits").network().numParams();
        long fileBytes = row.get("fileBytes").asLong(), payload = row.get("payloadBytes").asLong();
        assertEquals(Files.size(kw), fileBytes, "the row's .kw bytes are the file's size");
        assertTrue(payload > 0 && payload < fileBytes, "the payload is part of the file: " + row);
        assertEquals(4.0 * params / fileBytes, row.get("ratio").asDouble(), 1e-9);
        CliRun eval = CliRun.of("evaluate", "--model", kw.toString(), "--data", "digits", "--json");
        assertEquals(new ObjectMapper().readTree(eval.out()).get("testAccuracy").asDouble(), row.get("finalAccuracy").asDouble(), 1e-9,
                "the row's accuracy is the file's, read back as evaluate reads it");

        String md = Files.readString(out.resolve("finetune.md"));
        double floatAccuracy = table.get("floatTestAccuracy").asDouble(), fin = row.get("finalAccuracy").asDouble();
        assertTrue(md.contains(String.format("| uniform4-90 | qat | 1 | %.2f%% | %.2f%% | %.2f | %,d | %,d | %,d | %,d | %.0fx |",
                100 * row.get("projectedAccuracy").asDouble(), 100 * fin, 100 * (floatAccuracy - fin), row.get("keptWeights").asLong(),
                payload, fileBytes, fileBytes - payload, row.get("ratio").asDouble())), md);
        assertFalse(md.contains("n/a") || md.contains("x* |"), md);
        assertTrue(md.contains(floatAccuracy - fin <= 0.005 + 1e-9 ? "Best ratio within 0.5 pt of the float network" : "No row is within 0.5 pt"), md);
    }


    @Test
    void givenATableMadeWithOtherSettings_whenResumed_thenRefusedNamingThemAndTheTableIsUntouched() throws Exception {
        Path out = dir.resolve("bench");
        java.nio.file.Files.createDirectories(out);
        String table = "{\"settings\": {\"epochs\": 9}, \"rows\": []}";
        java.nio.file.Files.writeString(out.resolve("finetune.json"), table);
        CliRun run = CliRun.of("bench", "finetune", "--resume", "--out", out.toString());
        assertEquals(ExitCode.REFUSED, run.code(), run.err());
        assertTrue(run.oneLineError() && run.err().contains("\"epochs\":9"), run.err());
        assertEquals(table, java.nio.file.Files.readString(out.resolve("finetune.json")));
    }
}
