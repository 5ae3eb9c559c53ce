package kernelwise.search.cli;

import kernelwise.search.Samples;
import kernelwise.search.store.RunInfo;
import kernelwise.search.store.RunStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.*;

/** Bad search arguments against the real parts are refused, as one line with their exit code, before anything is loaded or stored. */
class RealArgumentsTest {
    @TempDir
    Path dir;

    @Test
    void givenBadSearchArguments_whenRunWithTheRealParts_thenOneLineErrorsAndTheStoreIsIntact() throws Exception {
        Path store = dir.resolve("k.db");
        try (RunStore s = RunStore.open(store)) {
            s.createRun(new RunInfo("kept", "{}", "{}", 1L), 3);
            s.appendEpisode("kept", Samples.episode(0, new SplittableRandom(1)), new byte[]{1, 2, 3});
        }
        expect(ExitCode.NOT_FOUND, "no such model: 'nosuchnet' is neither a zoo model", "--model", "nosuchnet");
        Path packed = Files.write(dir.resolve("small.kw"), new byte[]{'K', 'W', 1});
        expect(ExitCode.USAGE, "is a packed .kw file", "--model", packed.toString());
        Path binary = Files.write(dir.resolve("table.csv"), new byte[]{(byte) 0xC3, 0x28, 0, (byte) 0xFF, 10});
        expect(ExitCode.REFUSED, "--hardware-params " + binary + " is not a text file", "--hardware", "table", "--hardware-params", binary.toString());
        expect(ExitCode.USAGE, "--hardware-params " + dir + " is a folder", "--hardware", "table", "--hardware-params", dir.toString());
        expect(ExitCode.REFUSED, "--agent-config " + binary + " is not a text file", "--agent-config", binary.toString());
        expect(ExitCode.NOT_FOUND, "no such file", "--model", dir.resolve("missing.zip").toString());
        expect(ExitCode.USAGE, "budget must look like", "--budget", "latency:0.4");
        expect(ExitCode.USAGE, "budget must look like", "--budget", "speed=0.4");
        expect(ExitCode.USAGE, "hardware must be one of", "--hardware", "tpu");
        expect(ExitCode.USAGE, "--hardware table needs --hardware-params FILE", "--hardware", "table");
        expect(ExitCode.NOT_FOUND, "no such file", "--hardware", "table", "--hardware-params", dir.resolve("none.csv").toString());
        expect(ExitCode.USAGE, "unknown agent 'sarsa'", "--agent", "sarsa");
        expect(ExitCode.USAGE, "mode must be one of", "--mode", "fast");
        expect(ExitCode.USAGE, "unknown data set or format 'cifar'", "--dataset", "cifar");
        expect(ExitCode.USAGE, "recovery must be none, bias or lsq, found 'refit'", "--recovery", "refit");
        expect(ExitCode.USAGE, "recovery images must be positive, found 0", "--recovery", "lsq", "--recovery-images", "0");
        CliRun resume = CliRun.of("resume", "nosuchrun", "--store", store.toString());
        assertEquals(ExitCode.NOT_FOUND, resume.code(), resume.err());
        try (RunStore s = RunStore.open(store)) {
            assertEquals(List.of("kept"), s.runNames());
            assertEquals(1, s.progress("kept").episodesDone());
            assertArrayEquals(new byte[]{1, 2, 3}, s.checkpoint("kept").orElseThrow().state());
        }
        try (var files = Files.list(dir.resolve("results"))) {
            assertEquals(0, files.count(), "no run folder is left behind");
        } catch (java.nio.file.NoSuchFileException none) {
            // no results folder at all: fine
        }
    }

    private void expect(int code, String message, String... args) {
        String[] all = new String[args.length + 7];
        all[0] = "search";
        all[1] = "--store";
        all[2] = dir.resolve("k.db").toString();
        all[3] = "--results";
        all[4] = dir.resolve("results").toString();
        all[5] = "--run";
        all[6] = "bad";
        System.arraycopy(args, 0, all, 7, args.length);
        CliRun r = CliRun.of(all);
        assertEquals(code, r.code(), "exit code of " + String.join(" ", args) + "; stderr: " + r.err());
        assertTrue(r.oneLineError(), "not a one-line error: " + r.err());
        assertTrue(r.err().contains(message), r.err());
    }
}
