package kernelwise.search.cli;

import kernelwise.agents.AgentConfig;
import kernelwise.models.compress.NetworkSpecs;
import kernelwise.models.zoo.ModelZoo;
import kernelwise.models.zoo.Models;
import kernelwise.search.store.RunStore;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static kernelwise.search.RunAssertions.assertSameRun;
import static org.junit.jupiter.api.Assertions.*;

/**
 * The real parts (MNIST, an untrained LeNet-300 zip, the compression environment, the hierarchical agent with a
 * short warm-up so that its networks and replay are learning when it dies): a search in a child JVM is killed
 * with SIGKILL past the warm-up; resumed, the run ends with the same trajectory and best plan as the same run
 * never interrupted; its exported plan passes {@code finetune}'s plan reader and check against the real network.
 */
@Tag("slow")
class RealResumeAfterKillTest {
    private static final int EPISODES = 9;

    @TempDir
    Path dir;

    @Test
    void givenARealSearchKilledAfterItsWarmUp_whenResumed_thenItEndsIdenticalToTheUninterruptedRun() throws Exception {
        Path zip = dir.resolve("lenet300-untrained.zip");
        Models.save(ModelZoo.create("lenet300", 1), zip);
        AgentConfig d = new AgentConfig();
        Path agent = dir.resolve("agent.json");
        Files.writeString(agent, d.withLevels(d.high().withSchedule(2, 4), d.low().withSchedule(2, 8)).toJson());
        Path store = dir.resolve("k.db");
        Path results = dir.resolve("results");
        List<String> search = List.of("search", "--store", store.toString(), "--results", results.toString(), "--model", zip.toString(),
                "--agent", "hierarchical", "--episodes", Integer.toString(EPISODES), "--seed", "4", "--eval-images", "200",
                "--agent-config", agent.toString());
        Process child = ChildSearch.start(List.of("-Xmx2g"), search, "killed", dir.resolve("child.out"));
        try {
            ChildSearch.waitForLoggedEpisode(results.resolve("killed/search.log"), 4, child, dir.resolve("child.out"), 120);
        } finally {
            child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        try (RunStore s = RunStore.open(store)) {
            long committed = s.progress("killed").episodesDone();
            assertTrue(committed >= 5 && committed < EPISODES, "killed after " + committed + " episodes");
        }
        CliRun resumed = CliRun.of("resume", "killed", "--store", store.toString(), "--results", results.toString());
        assertEquals(0, resumed.code(), resumed.err());
        List<String> whole = new ArrayList<>(search);
        whole.addAll(List.of("--run", "whole"));
        CliRun uninterrupted = CliRun.of(whole.toArray(String[]::new));
        assertEquals(0, uninterrupted.code(), uninterrupted.err());
        try (RunStore s = RunStore.open(store)) {
            assertEquals(EPISODES, s.progress("killed").episodesDone());
            assertSameRun(s, "whole", "killed");
        }
        assertEquals(Files.readString(results.resolve("whole/best-plan.json")), Files.readString(results.resolve("killed/best-plan.json")));

        Path plan = dir.resolve("plan.json");
        CliRun export = CliRun.of("export", "killed", "--best", "--by", "latency", "--out", plan.toString(), "--store", store.toString());
        assertEquals(0, export.code(), export.err());
        assertDoesNotThrow(() -> CliModels.checkPlan(CliModels.plan(plan), NetworkSpecs.of(Models.load(zip))), "finetune's plan reader refuses it");
    }
}
