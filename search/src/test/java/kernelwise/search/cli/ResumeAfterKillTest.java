package kernelwise.search.cli;

import kernelwise.search.RunFactories;
import kernelwise.search.ToyRunFactory;
import kernelwise.search.store.RunStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static kernelwise.search.RunAssertions.assertSameRun;
import static org.junit.jupiter.api.Assertions.*;

/**
 * A search in a child JVM is killed with SIGKILL after some episodes are committed; while it runs, the store is
 * refused to this process as in use; resumed, the run ends with the same trajectory and best plan as the same run
 * never interrupted.
 */
class ResumeAfterKillTest {
    private static final Pattern EPISODE_LOGGED = Pattern.compile("episode (\\d+): reward");

    @TempDir
    Path dir;

    @Test
    void givenASearchKilledMidway_whenResumed_thenItEndsIdenticalToTheUninterruptedRun() throws Exception {
        Path store = dir.resolve("k.db");
        Path results = dir.resolve("results");
        List<String> search = List.of("search", "--store", store.toString(), "--results", results.toString(), "--model", "toy",
                "--agent", "random", "--episodes", "30", "--seed", "9", "--checkpoint-every", "4");
        Process child = childJvm(search, "killed", dir.resolve("child.out"));
        try {
            waitForLoggedEpisode(results.resolve("killed/search.log"), 9, child);
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

        System.setProperty(RunFactories.PROPERTY, ToyRunFactory.class.getName());
        try {
            CliRun resumed = CliRun.of("resume", "killed", "--store", store.toString(), "--results", results.toString());
            assertEquals(0, resumed.code(), resumed.err());
            List<String> whole = new ArrayList<>(search);
            whole.addAll(List.of("--run", "whole"));
            CliRun uninterrupted = CliRun.of(whole.toArray(String[]::new));
            assertEquals(0, uninterrupted.code(), uninterrupted.err());
        } finally {
            System.clearProperty(RunFactories.PROPERTY);
        }
        try (RunStore s = RunStore.open(store)) {
            assertEquals(30, s.progress("killed").episodesDone());
            assertSameRun(s, "whole", "killed");
        }
        assertEquals(Files.readString(results.resolve("whole/best-plan.json")), Files.readString(results.resolve("killed/best-plan.json")));
    }

    private static Process childJvm(List<String> args, String run, Path output) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-D" + RunFactories.PROPERTY + "=" + ToyRunFactory.class.getName(), "-Dkernelwise.toy.episodeMillis=150",
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(args);
        cmd.addAll(List.of("--run", run));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(output.toFile()).start();
    }

    private static void waitForLoggedEpisode(Path log, int episode, Process child) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            assertTrue(child.isAlive(), "the child search ended before it could be killed");
            if (Files.exists(log)) {
                Matcher m = EPISODE_LOGGED.matcher(Files.readString(log));
                int last = -1;
                while (m.find()) last = Integer.parseInt(m.group(1));
                if (last >= episode) return;
            }
            Thread.sleep(50);
        }
        fail("no episode " + episode + " logged in " + log + " within 60 s");
    }

}
