package kernelwise.search.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What can still be read of a (possibly damaged) store, and copying it into a new one. The file itself is never
 * written: a truncated file is read through a copy padded with zeros to the length its header records.
 */
public final class StoreRecovery {
    private StoreRecovery() {
    }

    /** What was found readable of one run. */
    public record RunReport(String run, boolean infoReadable, boolean progressReadable, long episodesDone, long readablePrefix,
                            List<Long> unreadable, String firstProblem, Optional<Long> checkpointEpisodes, String checkpointProblem) {
        /** Whether every record of the run was read. */
        public boolean whole() {
            return infoReadable && progressReadable && unreadable.isEmpty() && checkpointProblem == null;
        }
    }

    /** The store as found: the header's verdict, the run table's, and each run's. */
    public record Report(Path file, String headerProblem, String tableProblem, List<RunReport> runs) {
        public boolean whole() {
            return headerProblem == null && tableProblem == null && runs.stream().allMatch(RunReport::whole);
        }
    }

    /** Reads every record of {@code file} it can. */
    public static Report check(Path file) throws IOException {
        return withReadable(file, (store, header) -> {
            List<RunReport> runs = new ArrayList<>();
            String table = null;
            List<String> names;
            try {
                names = store.runNames();
            } catch (StoreDamagedException e) {
                table = "the run table is unreadable: " + e.what();
                try {
                    names = store.progressNames();
                } catch (StoreDamagedException again) {
                    names = List.of();
                }
            }
            for (String run : names) runs.add(checkRun(store, run));
            return new Report(file, header, table, runs);
        });
    }

    /**
     * Copies into a new store at {@code out} (which must not exist) every run whose configuration and progress can be
     * read, with its episodes up to the first unreadable one and its checkpoint if that lies within them; {@code
     * progress} hears one line per run.
     */
    public static Report salvage(Path file, Path out, Consumer<String> progress) throws IOException {
        if (Files.exists(out)) throw new java.nio.file.FileAlreadyExistsException(out.toString());
        Report report = check(file);
        withReadable(file, (src, header) -> {
            try (RunStore dst = RunStore.open(out)) {
                for (RunReport r : report.runs()) {
                    if (!r.infoReadable() || !r.progressReadable() && r.readablePrefix() == 0) {
                        progress.accept("run " + r.run() + ": not copied (" + r.firstProblem() + ")");
                        continue;
                    }
                    progress.accept(copy(src, dst, r));
                }
            }
            return null;
        });
        return report;
    }

    private static String copy(RunStore src, RunStore dst, RunReport r) throws IOException {
        RunInfo info = src.info(r.run()).orElseThrow();
        dst.createRun(info, r.progressReadable() ? src.progress(r.run()).targetEpisodes() : target(info, Math.max(1, r.readablePrefix())));
        Optional<RunStore.Checkpoint> cp = Optional.empty();
        if (r.checkpointEpisodes().isPresent() && r.checkpointEpisodes().get() <= r.readablePrefix() && r.checkpointEpisodes().get() > 0) {
            cp = src.checkpoint(r.run());
        }
        for (long i = 0; i < r.readablePrefix(); i++) {
            byte[] state = cp.isPresent() && cp.get().episodes() == i + 1 ? cp.get().state() : null;
            dst.appendEpisode(r.run(), src.episode(r.run(), i), state);
        }
        String cut = !r.progressReadable() ? " (its progress record is lost; the episodes found from 0 on)"
                : r.readablePrefix() < r.episodesDone() ? " (episode " + r.readablePrefix() + " is unreadable)" : "";
        String checkpoint = cp.map(c -> ", agent checkpoint after episode " + (c.episodes() - 1))
                .orElse(r.readablePrefix() > 0 ? ", no checkpoint (resume replays from episode 0)" : "");
        String of = r.progressReadable() ? " of " + r.episodesDone() : "";
        return "run " + r.run() + ": " + r.readablePrefix() + of + " episodes copied" + cut + checkpoint;
    }

    private static RunReport checkRun(RunStore store, String run) {
        String problem = null;
        boolean info = true, progress = true;
        try {
            if (store.info(run).isEmpty()) throw new StoreDamagedException(store.file(), "run " + run + " has no configuration", null);
        } catch (StoreDamagedException e) {
            info = false;
            problem = "configuration unreadable: " + e.what();
        }
        long done = 0;
        List<Long> bad = new ArrayList<>();
        long prefix = -1;
        try {
            done = store.progress(run).episodesDone();
        } catch (StoreDamagedException | IllegalArgumentException e) {
            progress = false;
            problem = problem != null ? problem : "progress unreadable: " + (e instanceof StoreDamagedException d ? d.what() : e.getMessage());
            prefix = storedPrefix(store, run);
        }
        for (long i = 0; i < done; i++) {
            try {
                store.episode(run, i);
            } catch (StoreDamagedException | IOException | IllegalArgumentException e) {
                bad.add(i);
                if (prefix < 0) prefix = i;
                if (problem == null) problem = "episode " + i + ": " + (e instanceof StoreDamagedException d ? d.what() : e.getMessage());
            }
        }
        if (prefix < 0) prefix = done;
        Optional<Long> cpAt = Optional.empty();
        String cpProblem = null;
        try {
            cpAt = store.checkpoint(run).map(RunStore.Checkpoint::episodes);
        } catch (StoreDamagedException e) {
            cpProblem = e.what();
        }
        return new RunReport(run, info, progress, done, prefix, bad, problem, cpAt, cpProblem);
    }

    /** How many episodes from 0 on are stored and readable (for a run whose progress record is lost). */
    private static long storedPrefix(RunStore store, String run) {
        long n = 0;
        try {
            while (store.episodeIfPresent(run, n) != null) n++;
        } catch (StoreDamagedException | IOException e) {
            // the first unreadable one ends the prefix
        }
        return n;
    }

    /** The run's target episodes from its stored configuration, at least {@code atLeast}. */
    private static long target(RunInfo info, long atLeast) {
        try {
            var n = new com.fasterxml.jackson.databind.ObjectMapper().readTree(info.configJson()).get("episodes");
            return Math.max(atLeast, n == null ? atLeast : n.asLong(atLeast));
        } catch (IOException e) {
            return atLeast;
        }
    }

    @FunctionalInterface
    private interface Reading<T> {
        T read(RunStore store, String headerProblem) throws IOException;
    }

    /** Opens {@code file} (or, when it is shorter than its header says, a zero-padded copy) for reading what can be read. */
    private static <T> T withReadable(Path file, Reading<T> reading) throws IOException {
        if (!Files.exists(file)) throw new java.nio.file.NoSuchFileException(file.toString());
        String header = StoreFiles.problem(file);
        long recorded = Files.size(file) >= StoreFiles.HEADER_BYTES ? StoreFiles.recordedLength(file) : -1;
        if (header != null && (recorded <= Files.size(file) || !StoreFiles.isStore(file))) {
            throw new StoreException(StoreException.Reason.CORRUPT, file + " is not a readable kernelwise store: " + header, null);
        }
        Path dir = null;
        Path readable = file;
        try {
            if (header != null) {
                dir = Files.createTempDirectory("kernelwise-check-");
                readable = dir.resolve(file.getFileName().toString());
                Files.copy(file, readable);
                try (FileChannel ch = FileChannel.open(readable, StandardOpenOption.WRITE)) {
                    ch.write(java.nio.ByteBuffer.allocate(1), recorded - 1);
                }
            }
            try (RunStore store = RunStore.openDamaged(readable)) {
                return reading.read(store, header);
            }
        } catch (StoreDamagedException e) {
            throw new StoreException(StoreException.Reason.CORRUPT, file + " cannot be read at all: " + e.what(), e);
        } finally {
            if (dir != null) {
                try (var in = Files.list(dir)) {
                    for (Path p : in.toList()) Files.deleteIfExists(p);
                }
                Files.deleteIfExists(dir);
            }
        }
    }
}
