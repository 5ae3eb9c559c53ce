package kernelwise.search.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code finetune} and {@code bench finetune} share the request's validation: a bad option is refused on one line that
 * names the option and the value found, with exit 2, before any model or plan is read (none exists here).
 */
class FinetuneOptionsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "--methods|qat,magic|--methods must be one of qat, admm, slr, autoprune, bnn, found 'magic'",
            "--epochs|0|--epochs must be positive, found 0",
            "--retrain-epochs|-1|--retrain-epochs must be >= 0, found -1",
            "--rho-max|0|--rho-max must be positive, found 0.0",
            "--rho-max|0.0001|--rho-max must be >= rho (0.001), found 1.0E-4",
            "--lr|0|--lr must be in (0, 1], found 0.0",
            "--batch|0|--batch must be positive, found 0",
            "--train-limit|-1|--train-limit must be >= 0, found -1",
            "--distill|1.5|--distill must be in [0, 1], found 1.5"})
    void givenABadOption_whenBenchFinetune_thenOneLineNamingItAndExitTwo(String option, String value, String message) {
        CliRun run = CliRun.of("bench", "finetune", option, value);
        assertEquals(ExitCode.USAGE, run.code(), run.err());
        assertTrue(run.oneLineError() && run.err().strip().equals("kernelwise: " + message), run.err());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "--method|magic|--method must be one of qat, admm, slr, autoprune, bnn, found 'magic'",
            "--epochs|0|--epochs must be >= 1, found 0",
            "--retrain-epochs|-1|--retrain-epochs must be >= 0, found -1",
            "--rho-max|0|--rho-max must be positive, found 0.0",
            "--lr|2|--lr must be in (0, 1], found 2.0",
            "--max-batches|-1|--max-batches must be >= 0, found -1"})
    void givenABadOption_whenFinetune_thenOneLineNamingItAndExitTwo(String option, String value, String message) {
        CliRun run = CliRun.of("finetune", "--model", "no-such-model.zip", "--plan", "no-such-plan.json", option, value);
        assertEquals(ExitCode.USAGE, run.code(), run.err());
        assertTrue(run.oneLineError() && run.err().strip().equals("kernelwise: " + message), run.err());
    }

    @Test
    void givenARequestRefusal_whenNamed_thenOnlyItsLeadingSettingIsReplaced() {
        Map<String, String> options = Map.of("rhoMax", "--rho-max", "epochs", "--epochs");
        assertEquals("--rho-max must be >= rho (0.001), found 1.0E-4", FinetuneOptions.named("rhoMax must be >= rho (0.001), found 1.0E-4", options));
        assertEquals("retrainEpochs must be >= 0, found -1", FinetuneOptions.named("retrainEpochs must be >= 0, found -1", options),
                "a setting the command has no option for keeps its name");
    }
}
