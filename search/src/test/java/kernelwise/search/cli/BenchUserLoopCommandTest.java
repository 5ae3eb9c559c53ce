package kernelwise.search.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import kernelwise.models.compress.NetworkSpecs;
import kernelwise.models.plan.CompressionPlan;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BenchUserLoopCommandTest {

    @TempDir
    Path dir;

    @AfterEach
    void clearProperties() {
        System.clearProperty("kernelwise.results");
    }

    @Test
    void givenAStoredModelAndAPlan_whenBenchUserLoop_thenBothRoutesRowsAreTheirFilesReadBackAndAResumeKeepsThem() throws Exception {
        Path results = dir.resolve("results");
        System.setProperty("kernelwise.results", results.toString());
        MultiLayerNetwork net = TinyZoo.storeConv(results, 2);
        Path plan = dir.resolve("p4.json");
        CompressionPlan.uniform(NetworkSpecs.of(net), 4, 8, 0.5).write(plan);
        Path out = dir.resolve("bench");
        String[] args = {"bench", "userloop", "--model", "tinyconv", "--dataset", "digits", "--plan", plan.toString(), "--seeds", "7",
                "--epochs", "1", "--retrain-epochs", "1", "--train-images", "256", "--out", out.toString(), "--json"};
        CliRun run = CliRun.of(args);
        assertEquals(ExitCode.OK, run.code(), run.err());

        JsonNode table = new ObjectMapper().readTree(Files.readString(out.resolve("userloop.json")));
        assertEquals(2, table.get("rows").size(), table.toString());
        for (JsonNode row : table.get("rows")) {
            String route = row.get("route").asText().startsWith("attach") ? "attach" : "finetune";
            Path kw = out.resolve("userloop/p4-s7-" + route + ".kw");
            assertEquals(Files.size(kw), row.get("kwBytes").asLong(), "the row's bytes are its file's size");
            CliRun eval = CliRun.of("evaluate", "--model", kw.toString(), "--data", "digits", "--json");
            assertEquals(0, eval.code(), eval.err());
            assertEquals(new ObjectMapper().readTree(eval.out()).get("testAccuracy").asDouble(), row.get("testAccuracy").asDouble(), 1e-9,
                    "the row's accuracy is its file's, read back as evaluate reads it: " + route);
        }
        JsonNode summary = table.get("summary").get(0);
        double f = table.get("rows").get(0).get("testAccuracy").asDouble(), a = table.get("rows").get(1).get("testAccuracy").asDouble();
        assertEquals(a - f, summary.get("meanDifference").asDouble(), 1e-12);
        String md = Files.readString(out.resolve("userloop.md"));
        assertTrue(md.contains("Reproduce: `./kernelwise bench userloop --model tinyconv --dataset digits --plan " + plan + " --seeds 7 --epochs 1"
                + " --retrain-epochs 1 --train-images 256"), md);
        assertTrue(md.contains(String.format("| p4 | 1 | %.2f%% ± NaN | %.2f%% ± NaN | %+.2f pt", 100 * f, 100 * a, 100 * (a - f))), md);

        byte[] before = Files.readAllBytes(out.resolve("userloop.json"));
        CliRun again = CliRun.of(args);
        assertEquals(ExitCode.OK, again.code(), again.err());
        assertFalse(again.err().contains("bench userloop: plan"), "nothing is trained again: " + again.err());
        assertEquals(new String(before), Files.readString(out.resolve("userloop.json")));
    }

    @Test
    void givenAPlanForAnotherNetwork_whenBenchUserLoop_thenRefusedWithExitFourBeforeTraining() throws Exception {
        Path results = dir.resolve("results");
        System.setProperty("kernelwise.results", results.toString());
        TinyZoo.storeConv(results, 1);
        Path plan = dir.resolve("other.json");
        Files.writeString(plan, Files.readString(Path.of(System.getProperty("user.dir")).getParent().resolve("results/bench/finetune-plan-search-size05.json")));
        CliRun run = CliRun.of("bench", "userloop", "--model", "tinyconv", "--dataset", "digits", "--plan", plan.toString(), "--out", dir.resolve("b").toString());
        assertEquals(ExitCode.REFUSED, run.code(), run.err());
        assertTrue(run.oneLineError() && run.err().contains("conv1"), run.err());
        assertFalse(Files.exists(dir.resolve("b/userloop.json")));
    }

}
