package kernelwise.search.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CliVerbsTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @AfterEach
    void clearProperties() {
        System.clearProperty("kernelwise.data");
        System.clearProperty("kernelwise.results");
    }

    @Test
    void givenTrainHelp_whenRun_thenUsageOnStdoutAndExitZero() {
        assertEquals(ExitCode.OK, run("train", "--help"));
        assertTrue(out.toString().contains("--epochs=N"), out.toString());
        assertTrue(out.toString().contains("lenet5, lenet300, vgg-small, resnet-small"), out.toString());
    }

    @Test
    void givenUnknownModel_whenTrain_thenExitTwoWithOneLineNamingIt() {
        assertEquals(ExitCode.USAGE, run("train", "--model", "alexnet"));
        assertEquals("kernelwise: unknown model 'alexnet' (known: lenet5, lenet300, vgg-small, resnet-small)",
                err.toString().strip());
    }

    @Test
    void givenBadLearningRate_whenTrain_thenExitTwoNamingTheValue() {
        assertEquals(ExitCode.USAGE, run("train", "--lr", "-1"));
        assertTrue(err.toString().contains("learning rate must be in (0, 1], found -1.0"), err.toString());
    }

    @Test
    void givenEmptyDataFolder_whenTrain_thenExitThreeWithTheFetchCommand() {
        System.setProperty("kernelwise.data", dir.toString());
        assertEquals(ExitCode.NOT_FOUND, run("train", "--model", "lenet300", "--epochs", "1"));
        String e = err.toString().strip();
        assertEquals(1, e.lines().count(), e);
        assertTrue(e.contains("train-images-idx3-ubyte") && e.contains("./kernelwise data fetch mnist"), e);
    }

    @Test
    void givenUnknownDataSet_whenFetch_thenExitTwo() {
        assertEquals(ExitCode.USAGE, run("data", "fetch", "cifar"));
        assertTrue(err.toString().contains("unknown data set 'cifar'"), err.toString());
    }

    @Test
    void givenEmptyStore_whenModelsJson_thenOneObjectWithTheZooAndNoTrainedModels() throws Exception {
        System.setProperty("kernelwise.results", dir.toString());
        assertEquals(ExitCode.OK, run("models", "--json"));
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertEquals(4, json.get("zoo").size());
        assertEquals("lenet5", json.get("zoo").get(0).get("name").asText());
        assertEquals(431_080, json.get("zoo").get(0).get("parameters").asLong());
        assertEquals(0, json.get("trained").size());
    }

    @Test
    void givenBenchCosts_whenRunAtEightAndTwoBits_thenEveryModelPricesItsResourcesAndTwoBitsCostLess() throws Exception {
        assertEquals(ExitCode.OK, run("bench", "costs", "--out", dir.resolve("8").toString(), "--json"));
        assertEquals(ExitCode.OK, run("bench", "costs", "--bits", "2", "--out", dir.resolve("2").toString()));
        JsonNode eight = new ObjectMapper().readTree(java.nio.file.Files.readString(dir.resolve("8/costs.json")));
        JsonNode two = new ObjectMapper().readTree(java.nio.file.Files.readString(dir.resolve("2/costs.json")));
        assertEquals(8, eight.get("bits").asInt());
        assertEquals(java.util.List.of("bitfusion", "bismo", "size", "bops"), eight.findValuesAsText("hardware"));
        for (int i = 0; i < 4; i++) {
            JsonNode e = eight.at("/rows/" + i), t = two.at("/rows/" + i);
            assertTrue(t.get("storageBits").asLong() < e.get("storageBits").asLong(), e.toString());
            if (i != 2) assertTrue(t.get("cycles").asDouble() < e.get("cycles").asDouble(), e + " vs " + t);
        }
        assertTrue(eight.at("/rows/2/cycles").isNull(), "size prices no latency");
        assertTrue(java.nio.file.Files.readString(dir.resolve("2/costs.md")).contains("| bitfusion |"));
        assertEquals(ExitCode.USAGE, run("bench", "costs", "--bits", "9"));
        assertTrue(err.toString().contains("--bits must be 1..8, found 9"), err.toString());
    }
}
