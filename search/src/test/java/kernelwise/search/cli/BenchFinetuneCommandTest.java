package kernelwise.search.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
    void givenRows_whenReported_thenMarkdownHasOneLinePerRowAndMarksPayloadRatios() {
        List<BenchFinetuneRow> rows = List.of(
                new BenchFinetuneRow("tiny", "admm", 3, 0.97, 0.985, 3000, 6000, 5500, 313.5, 100),
                new BenchFinetuneRow("tiny", "slr", 3, 0.98, 0.986, 3000, 6000, -1, 287.4, 100));
        String md = BenchFinetuneReport.markdown("lenet5", "mnist", 0.99, java.util.Map.of("epochs", 2), rows);
        assertTrue(md.contains("| tiny | admm | 3 | 97.00% | 98.50% | 0.50 | 3,000 | 6,000 | 5,500 | -500 | 314x | 100 |"), md);
        assertTrue(md.contains("| n/a | n/a | 287x* |"), md);
        assertTrue(md.contains("Best ratio within 0.5 pt of the float network: 314x (tiny, admm)."), md);
        assertTrue(BenchFinetuneReport.json("lenet5", "mnist", 0.99, java.util.Map.of(), rows).contains("\"finalAccuracy\" : 0.986"));
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
