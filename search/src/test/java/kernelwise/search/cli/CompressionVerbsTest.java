package kernelwise.search.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import kernelwise.models.compress.NetworkSpecs;
import kernelwise.models.plan.CompressionPlan;
import kernelwise.models.zoo.Models;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CompressionVerbsTest {
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

    private static MultiLayerNetwork mlp(int hidden) {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(1).list()
                .layer(new DenseLayer.Builder().nOut(hidden).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(10).activation(Activation.SOFTMAX).build())
                .setInputType(InputType.feedForward(784)).build());
        net.init();
        return net;
    }

    @Test
    void givenCorruptPackedFile_whenEvaluate_thenExitFourWithOneLine() throws Exception {
        Path kw = dir.resolve("bad.kw");
        Files.writeString(kw, "this is not a packed model but it is long enough");
        assertEquals(ExitCode.REFUSED, run("evaluate", "--model", kw.toString()));
        assertTrue(err.toString().contains("not a Kernelwise packed model") && err.toString().strip().lines().count() == 1, err.toString());
    }

    @Test
    void givenMissingPackedFile_whenEvaluate_thenExitThree() {
        assertEquals(ExitCode.NOT_FOUND, run("evaluate", "--model", dir.resolve("none.kw").toString()));
    }

    /** Writes a 16-unit MLP as mlp.zip and a uniform plan for an MLP of {@code planUnits} as plan.json. */
    private Path[] mlpAndPlan(int planUnits) throws Exception {
        Path zip = dir.resolve("mlp.zip");
        Models.save(mlp(16), zip);
        Path plan = dir.resolve("plan.json");
        CompressionPlan.uniform(NetworkSpecs.of(mlp(planUnits)), 4, 8, 0.5).write(plan);
        return new Path[]{zip, plan};
    }

    @Test
    void givenPlanForAnotherNetwork_whenExportOrFinetune_thenExitFourNamingTheMismatch() throws Exception {
        Path[] files = mlpAndPlan(32);
        Path zip = files[0], plan = files[1];
        assertEquals(ExitCode.REFUSED, run("export-model", "--model", zip.toString(), "--plan", plan.toString(), "--out", dir.resolve("o.kw").toString()));
        assertTrue(err.toString().contains("has 32 kernels but the network's has 16"), err.toString());
        assertEquals(ExitCode.REFUSED, run("finetune", "--model", zip.toString(), "--plan", plan.toString()));
    }

    @Test
    void givenRetrainEpochsNotBelowEpochsOrNonPositiveRho_whenFinetune_thenUsageErrorNamingTheValue() throws Exception {
        Path[] files = mlpAndPlan(16);
        Path zip = files[0], plan = files[1];
        assertEquals(ExitCode.USAGE, run("finetune", "--model", zip.toString(), "--plan", plan.toString(), "--epochs", "2", "--retrain-epochs", "2"));
        assertTrue(err.toString().contains("--retrain-epochs must be fewer than --epochs (2), found 2") && err.toString().strip().lines().count() == 1, err.toString());
        err.getBuffer().setLength(0);
        assertEquals(ExitCode.USAGE, run("finetune", "--model", zip.toString(), "--plan", plan.toString(), "--method", "admm", "--rho-max", "0"));
        assertTrue(err.toString().contains("--rho-max must be positive, found 0.0"), err.toString());
    }

    @Test
    void givenFloatZipAndPlan_whenExportedAndEvaluated_thenPackedFileSmallerAndAccuracyReported() throws Exception {
        Path zip = dir.resolve("mlp.zip");
        MultiLayerNetwork net = mlp(16);
        Models.save(net, zip);
        Path plan = dir.resolve("plan.json");
        CompressionPlan.uniform(NetworkSpecs.of(net), 2, 8, 0.5).write(plan);
        Path kw = dir.resolve("mlp.kw");
        assertEquals(ExitCode.OK, run("export-model", "--model", zip.toString(), "--plan", plan.toString(), "--out", kw.toString(), "--json"), err.toString());
        JsonNode exported = new ObjectMapper().readTree(out.toString());
        assertEquals(Files.size(kw), exported.get("kwBytes").asLong());
        assertTrue(exported.get("compressionRatio").asDouble() > 3, out.toString());
        out.getBuffer().setLength(0);
        assertEquals(ExitCode.OK, run("evaluate", "--model", kw.toString(), "--json"), err.toString());
        double acc = new ObjectMapper().readTree(out.toString()).get("testAccuracy").asDouble();
        assertTrue(acc >= 0 && acc <= 1, out.toString());
    }
}
