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
}
