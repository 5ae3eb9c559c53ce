package kernelwise.search.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/** A heap too small for the work: one line with the hint, exit code 5, not a stack trace (the real launcher's main class in a child JVM). */
class OutOfMemoryTest {
    @TempDir
    Path dir;

    @Test
    void givenATooSmallHeap_whenAVerbRunsOutOfMemory_thenOneLineNamingKernelwiseJavaOptsAndExit5() throws Exception {
        Path output = dir.resolve("output.txt");
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx24m",
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "data", "generate", "images", "--n", "200000", "--out", dir.resolve("gen").toString());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the child did not end");
        String text = Files.readString(output);
        assertEquals(ExitCode.OUT_OF_MEMORY, p.exitValue(), text);
        List<String> ours = text.lines().filter(l -> l.startsWith("kernelwise: ")).toList();
        assertEquals(1, ours.size(), text);
        assertTrue(ours.get(0).contains("out of memory") && ours.get(0).contains("KERNELWISE_JAVA_OPTS"), text);
        assertFalse(text.contains("\tat "), "no stack trace: " + text);
    }
}
