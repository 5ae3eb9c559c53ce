package kernelwise.search.cli;

import kernelwise.models.compress.NetworkSpecs;
import kernelwise.models.plan.CompressionPlan;
import kernelwise.models.zoo.ModelZoo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlanCommandTest {
    @TempDir
    Path dir;

    @Test
    void givenUniformSettings_whenPlanUniform_thenTheFileIsThatPlanForTheModel() throws Exception {
        Path out = dir.resolve("w4-s80.json");
        CliRun run = CliRun.of("plan", "uniform", "--model", "lenet5", "--weight-bits", "4", "--activation-bits", "8",
                "--sparsity", "0.8", "--out", out.toString());
        assertEquals(ExitCode.OK, run.code(), run.err());
        var spec = NetworkSpecs.of(ModelZoo.create("lenet5", 0));
        assertEquals(CompressionPlan.uniform(spec, 4, 8, 0.8), CompressionPlan.read(out));
    }

    @Test
    void givenNineWeightBits_whenPlanUniform_thenExitTwoNamingTheValueAndNoFile() {
        Path out = dir.resolve("bad.json");
        CliRun run = CliRun.of("plan", "uniform", "--weight-bits", "9", "--out", out.toString());
        assertEquals(ExitCode.USAGE, run.code());
        assertTrue(run.oneLineError(), run.err());
        assertTrue(run.err().contains("found 9"), run.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void givenMissingModelZip_whenPlanUniform_thenExitThree() {
        CliRun run = CliRun.of("plan", "uniform", "--model", dir.resolve("none.zip").toString(), "--out", dir.resolve("p.json").toString());
        assertEquals(ExitCode.NOT_FOUND, run.code());
        assertTrue(run.oneLineError(), run.err());
    }

    @Test
    void givenModelZip_whenPlanMagnitude_thenEachLayerKeepsItsDensityAndWeakKernelsAreRemoved() throws Exception {
        Path zip = dir.resolve("m.zip");
        kernelwise.models.zoo.Models.save(ModelZoo.create("lenet300", 3), zip);
        Path out = dir.resolve("mag.json");
        CliRun run = CliRun.of("plan", "magnitude", "--model", zip.toString(), "--density", "0.01,0.05,0.2", "--weight-bits", "2,3,4",
                "--min-kept", "5", "--out", out.toString());
        assertEquals(ExitCode.OK, run.code(), run.err());
        CompressionPlan plan = CompressionPlan.read(out);
        var spec = NetworkSpecs.of(ModelZoo.create("lenet300", 0));
        double[] density = {0.01, 0.05, 0.2};
        for (int i = 0; i < 3; i++) {
            var l = spec.layer(i);
            long kept = 0;
            for (int k = 0; k < l.kernels(); k++) {
                int n = plan.layer(i).keptWeights(k, l.fanIn());
                assertTrue(n == 0 || n >= 5, "layer " + i + " kernel " + k + " keeps " + n);
                kept += n;
            }
            assertEquals(density[i] * l.weights(), kept, 1.0, "layer " + i);
        }
        assertTrue(run.out().contains("kernels removed"), run.out());
    }

    @Test
    void givenDensitiesForTooFewLayers_whenPlanMagnitude_thenExitTwoNamingTheCountAndNoFile() throws Exception {
        Path zip = dir.resolve("m.zip");
        kernelwise.models.zoo.Models.save(ModelZoo.create("lenet300", 3), zip);
        Path out = dir.resolve("bad.json");
        CliRun run = CliRun.of("plan", "magnitude", "--model", zip.toString(), "--density", "0.1,0.1", "--weight-bits", "2,2,2", "--out", out.toString());
        assertEquals(ExitCode.USAGE, run.code());
        assertTrue(run.oneLineError(), run.err());
        assertTrue(run.err().contains("found 2"), run.err());
        assertFalse(Files.exists(out));
    }
}
