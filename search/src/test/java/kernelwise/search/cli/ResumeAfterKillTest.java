package kernelwise.search.cli;

import kernelwise.search.store.RunStore;
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
 * A search in a child JVM is killed with SIGKILL after some episodes are committed; while it runs, the store is
 * refused to this process as in use; resumed, the run ends with the same trajectory and best plan as the same run
 * never interrupted.
 */
class ResumeAfterKillTest {

    @TempDir
    Path dir;

    @Test
    void givenASearchKilledMidway_whenResumed_thenItEndsIdenticalToTheUninterruptedRun() throws Exception {
        Path store = dir.resolve("k.db");
        Path results = dir.resolve("results");
        List<String> search = List.of("search", "--store", store.toString(), "--results", results.toString(), "--model", "toy",
                "--agent", "random", "--episodes", "30", "--seed", "9", "--checkpoint-every", "4");
        List<String> jvm = List.of("-Xmx512m", "-Dkernelwise.toy.episodeMillis=150");
        Process child = ChildSearch.start(ToyMain.class, jvm, search, "killed", dir.resolve("child.out"));
        try {
            ChildSearch.waitForLoggedEpisode(results.resolve("killed/search.log"), 9, child, dir.resolve("child.out"), 60);
            CliRun whileRunning = CliRun.of("runs", "--store", store.toString());
            assertEquals(ExitCode.REFUSED, whileRunning.code(), whileRunning.err());
            assertTrue(whileRunning.err().contains("in use"), whileRunning.err());
        } finally {
            child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        long committed;
        try (RunStore s = RunStore.open(store)) {
            committed = s.progress("killed").episodesDone();
        }
        assertTrue(committed >= 10 && committed < 30, "killed after " + committed + " episodes");

        CliRun resumed = CliRun.toy("resume", "killed", "--store", store.toString(), "--results", results.toString());
        assertEquals(0, resumed.code(), resumed.err());
        List<String> whole = new ArrayList<>(search);
        whole.addAll(List.of("--run", "whole"));
        CliRun uninterrupted = CliRun.toy(whole.toArray(String[]::new));
        assertEquals(0, uninterrupted.code(), uninterrupted.err());
        try (RunStore s = RunStore.open(store)) {
            assertEquals(30, s.progress("killed").episodesDone());
            assertSameRun(s, "whole", "killed");
        }
        assertEquals(Files.readString(results.resolve("whole/best-plan.json")), Files.readString(results.resolve("killed/best-plan.json")));
    }
}
