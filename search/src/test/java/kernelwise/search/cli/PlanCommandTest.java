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
}
