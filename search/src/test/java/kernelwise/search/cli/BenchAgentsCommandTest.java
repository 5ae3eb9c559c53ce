package kernelwise.search.cli;

import kernelwise.agents.AgentComparison;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BenchAgentsCommandTest {

    @TempDir
    Path dir;

    @AfterEach
    void clearProperties() {
        System.clearProperty("kernelwise.results");
    }

    @Test
    void givenAnUnknownAgent_whenBenchAgents_thenExitTwoNamingItAndTheKnownOnes() {
        CliRun run = CliRun.of("bench", "agents", "--agents", "random,ppo");
        assertEquals(ExitCode.USAGE, run.code(), run.err());
        assertTrue(run.err().contains("'ppo'") && run.err().contains("hierarchical"), run.err());
    }

    @Test
    void givenNoStoredModel_whenBenchAgents_thenExitThree() {
        System.setProperty("kernelwise.results", dir.toString());
        CliRun run = CliRun.of("bench", "agents", "--episodes", "2");
        assertEquals(ExitCode.NOT_FOUND, run.code(), run.err());
        assertEquals(1, run.err().lines().count(), run.err());
    }

    @Test
    void givenRows_whenReported_thenMarkdownHasARowPerRunAndAMeanPerAgent() {
        List<AgentComparison.Row> rows = List.of(
                new AgentComparison.Row("hierarchical", 1, 50, 0.981, 0.49, 40, 0.981, 1.2, 2.5),
                new AgentComparison.Row("hierarchical", 2, 50, 0.979, 0.50, 12, 0.979, 1.0, 2.5),
                new AgentComparison.Row("random", 1, 50, 0.970, 0.48, 3, 0.970, 0.001, 2.4));
        String md = BenchAgentsReport.markdown(Map.of("model", "lenet5"), rows);
        assertTrue(md.contains("| hierarchical | 1 | 50 | 98.10% | 0.490 | 40 | 0.9810 | 1.200 | 2.500 |"), md);
        assertTrue(md.contains("| hierarchical | 98.00% | 1.100 | 2.500 |"), md);
        assertTrue(BenchAgentsReport.json(Map.of(), rows).contains("\"random\" : 0.97"));
    }
}
