package kernelwise.search;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunLoggingTest {
    private static final Logger LOG = LoggerFactory.getLogger(RunLoggingTest.class);

    @TempDir
    Path dir;

    @Test
    void givenARunLogAttached_whenAnotherThreadLogs_thenOnlyTheRunsOwnLinesReachItsFile() throws Exception {
        Path file = dir.resolve("a/search.log");
        try (AutoCloseable ignored = RunLogging.attach("a", file)) {
            LOG.info("line of run a");
            Thread other = new Thread(() -> LOG.info("line of another thread"));
            other.start();
            other.join();
        }
        LOG.info("line after the run");
        String text = Files.readString(file);
        assertTrue(text.contains("line of run a"), text);
        assertFalse(text.contains("line of another thread"), text);
        assertFalse(text.contains("line after the run"), text);
    }
}
