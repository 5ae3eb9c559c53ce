package kernelwise.search.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** A command line run in a child JVM (to be killed mid-search), and waiting for its search log to reach an episode. */
final class ChildSearch {
    private static final Pattern EPISODE_LOGGED = Pattern.compile("episode (\\d+): reward");

    private ChildSearch() {
    }

    /** Starts {@code kernelwise ARGS --run RUN} in a child JVM with {@code jvmFlags}, its output going to {@code output}. */
    static Process start(List<String> jvmFlags, List<String> args, String run, Path output) throws Exception {
        return start(Main.class, jvmFlags, args, run, output);
    }

    /** As {@link #start(List, List, String, Path)}, with {@code main} as the command line's main class. */
    static Process start(Class<?> main, List<String> jvmFlags, List<String> args, String run, Path output) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmFlags);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
        cmd.addAll(args);
        cmd.addAll(List.of("--run", run));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(output.toFile()).start();
    }

    /** Waits until {@code log} records episode {@code episode}; fails if the child ends first or after {@code seconds}. */
    static void waitForLoggedEpisode(Path log, int episode, Process child, Path output, int seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            assertTrue(child.isAlive(), "the child search ended before it could be killed: " + Files.readString(output));
            if (Files.exists(log)) {
                Matcher m = EPISODE_LOGGED.matcher(Files.readString(log));
                int last = -1;
                while (m.find()) last = Integer.parseInt(m.group(1));
                if (last >= episode) return;
            }
            Thread.sleep(50);
        }
        fail("no episode " + episode + " logged in " + log + " within " + seconds + " s");
    }
}
