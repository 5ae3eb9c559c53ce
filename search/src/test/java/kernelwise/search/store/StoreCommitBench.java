package kernelwise.search.store;

import kernelwise.search.Samples;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Not a test: measures {@link RunStore#appendEpisode} with an agent-like checkpoint that grows like the
 * hierarchical agent's (networks rewritten, one replay growing in the middle of the state, one at its end).
 * Run: {@code java -cp <test class path> kernelwise.search.store.StoreCommitBench [episodes]}.
 */
public final class StoreCommitBench {
    private StoreCommitBench() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        Path f = Files.createTempDirectory("store-bench").resolve("k.db");
        SplittableRandom rng = new SplittableRandom(1);
        ByteArrayOutputStream highReplay = new ByteArrayOutputStream(), lowReplay = new ByteArrayOutputStream();
        try (RunStore s = RunStore.open(f)) {
            s.createRun(new RunInfo("a", "{}", "{}", 1L), n);
            double sum = 0, max = 0;
            long written = 0, size = 0;
            for (int i = 0; i < n; i++) {
                highReplay.writeBytes(bytes(rng, 2_000));
                lowReplay.writeBytes(bytes(rng, 140_000));
                ByteArrayOutputStream state = new ByteArrayOutputStream();
                state.writeBytes(bytes(rng, 60_000));
                state.writeBytes(highReplay.toByteArray());
                state.writeBytes(bytes(rng, 30_000));
                state.writeBytes(lowReplay.toByteArray());
                size = state.size();
                RunStore.Commit c = s.appendEpisode("a", Samples.episode(i, rng), state.toByteArray());
                if (i >= n - 20) {
                    sum += c.commitSeconds();
                    max = Math.max(max, c.commitSeconds());
                    written += c.checkpointBytesWritten();
                }
            }
            System.out.printf(Locale.ROOT, "after %d episodes, checkpoint %.1f MB: last 20 commits mean %.1f ms, max %.1f ms, %.0f KB written each, file %.1f MB%n",
                    n, size / 1e6, 1000 * sum / 20, 1000 * max, written / 1024.0 / 20, Files.size(f) / 1e6);
        }
    }

    private static byte[] bytes(SplittableRandom rng, int n) {
        byte[] b = new byte[n];
        rng.nextBytes(b);
        return b;
    }
}
