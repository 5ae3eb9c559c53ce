package kernelwise.search.cli;

import kernelwise.models.compress.NetworkSpecs;
import kernelwise.models.plan.CompressionPlan;
import kernelwise.models.zoo.Models;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/** Plan files that are not plans, given to export-model and finetune: one line naming the file and the problem, exit 2 or 4, nothing written. */
class BadPlanFileTest {
    @TempDir
    Path dir;
    Path zip;
    CompressionPlan good;

    @BeforeEach
    void aModel() throws Exception {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(1).list()
                .layer(new DenseLayer.Builder().nOut(16).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(10).activation(Activation.SOFTMAX).build())
                .setInputType(InputType.feedForward(784)).build());
        net.init();
        zip = dir.resolve("mlp.zip");
        Models.save(net, zip);
        good = CompressionPlan.uniform(NetworkSpecs.of(net), 4, 8, 0.5);
    }

    private void refused(int code, String message, Path plan) throws Exception {
        for (String verb : new String[]{"export-model", "finetune"}) {
            Snapshot before = Snapshot.of(dir);
            CliRun r = CliRun.of(verb, "--model", zip.toString(), "--plan", plan.toString(), "--out", dir.resolve("out.kw").toString(), "--max-batches", "1");
            if (verb.equals("export-model")) r = CliRun.of(verb, "--model", zip.toString(), "--plan", plan.toString(), "--out", dir.resolve("out.kw").toString());
            assertEquals(code, r.code(), verb + " exit code; stderr: " + r.err());
            assertTrue(r.oneLineError(), "not a one-line error: " + r.err());
            assertTrue(r.err().contains(message), r.err());
            assertFalse(r.err().contains("Exception"), r.err());
            before.assertUnchanged();
            before.assertNothingAdded();
        }
    }

    private Path file(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void givenAPlanFileHoldingNull_thenExit4NamingTheFile() throws Exception {
        Path p = file("null.json", "null\n");
        refused(ExitCode.REFUSED, p + ": not a valid plan: the file holds null", p);
    }

    @Test
    void givenANullLayer_thenExit4NamingTheLayer() throws Exception {
        Path p = file("nulllayer.json", good.toJson().replaceFirst("\"layers\" : \\[", "\"layers\" : [ null,"));
        refused(ExitCode.REFUSED, p + ": not a valid plan: layer 0 is null", p);
    }

    @Test
    void givenAFolderAsPlan_thenExit2NamingIt() throws Exception {
        Files.createDirectories(dir.resolve("plans"));
        refused(ExitCode.USAGE, "--plan " + dir.resolve("plans") + " is a folder", dir.resolve("plans"));
    }

    @Test
    void givenABinaryPlanFile_thenExit4() throws Exception {
        Path p = Files.write(dir.resolve("binary.json"), new byte[]{(byte) 0xFF, (byte) 0xFE, 0, 1, (byte) 0xC3, 0x28});
        refused(ExitCode.REFUSED, p + ": not a plan file (not UTF-8 text)", p);
    }

    @Test
    void givenFractionalWeightBits_thenRefusedInsteadOfCut() throws Exception {
        Path p = file("frac.json", good.toJson().replaceFirst("\"weightBits\" : \\[ 4,", "\"weightBits\" : [ 4.7,"));
        refused(ExitCode.REFUSED, "weight bits must be a whole number (1..8 or 32), found 4.7", p);
    }

    @Test
    void givenAPlanWrittenForANetworkOfOtherShapes_thenRefusedNamingBoth() throws Exception {
        String json = good.toJson();
        assertTrue(json.contains("x784"), json);
        Path p = file("other.json", json.replace("x784", "x785"));
        CliRun r = CliRun.of("export-model", "--model", zip.toString(), "--plan", p.toString(), "--out", dir.resolve("o.kw").toString());
        assertEquals(ExitCode.REFUSED, r.code(), r.err());
        assertTrue(r.oneLineError() && r.err().contains("it was written for network") && r.err().contains("x785"), r.err());
        assertFalse(Files.exists(dir.resolve("o.kw")));
    }
}
