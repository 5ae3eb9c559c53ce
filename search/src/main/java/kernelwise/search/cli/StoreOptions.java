package kernelwise.search.cli;

import kernelwise.models.Folders;
import kernelwise.search.NoSuchRunException;
import kernelwise.search.store.RunStore;
import kernelwise.search.store.StoreException;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where runs are stored: the store file and the results folder (one sub-folder per run). */
final class StoreOptions {
    @Option(names = "--store", paramLabel = "FILE", description = "Run store file (default: <results>/kernelwise.db).")
    Path store;

    @Option(names = "--results", paramLabel = "DIR", description = "Folder for run outputs, <results>/<run>/ (default: the"
            + " repository's results/ folder, or -Dkernelwise.results / KERNELWISE_RESULTS).")
    Path results;

    /**
     * The results folder; an existing file given as it is a usage error (exit 2), and a folder given that is (or is
     * inside) the model zoo's or the committed benchmark tables' folder is refused (exit 4): run folders go elsewhere.
     */
    Path results() {
        Path r = results != null ? results : Folders.results();
        if (Files.exists(r) && !Files.isDirectory(r)) throw CliException.usage("--results " + r + " is a file; give the folder run outputs go to");
        if (results != null) {
            try {
                SafeOutput.checkFolder("--results", r, false);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return r;
    }

    Path store() {
        return store != null ? store : results().resolve("kernelwise.db");
    }

    /** Opens the store; a refused file becomes exit code 4, a folder given as the store 2. */
    RunStore open() throws IOException {
        notAFolder();
        try {
            return RunStore.open(store());
        } catch (StoreException e) {
            throw new CliException(ExitCode.REFUSED, e.getMessage(), e);
        }
    }

    /** Opens the store to continue a run in it, refusing a missing file (so that looking never creates one). */
    RunStore openExisting() throws IOException {
        requireFile();
        return open();
    }

    /** Opens an existing store read-only: the verb cannot change it, grow it or create it. */
    RunStore openForReading() throws IOException {
        requireFile();
        try {
            return RunStore.openReadOnly(store());
        } catch (StoreException e) {
            throw new CliException(ExitCode.REFUSED, e.getMessage(), e);
        }
    }

    private void notAFolder() {
        if (Files.isDirectory(store())) throw CliException.usage("--store " + store() + " is a folder; give the store file");
    }

    private void requireFile() {
        notAFolder();
        if (!store().toFile().isFile()) throw CliException.notFound("no run store at " + store() + " (run 'kernelwise search' first, or pass --store)");
    }

    /**
     * {@code run}, or when it is null the run started last (so that {@code kernelwise search && kernelwise report}
     * reports the search just made); fails with exit code 3 if there is no such run.
     */
    static String runOrLatest(RunStore s, String run) {
        if (run != null) {
            requireRun(s, run);
            return run;
        }
        return s.runNames().stream()
                .max(java.util.Comparator.comparingLong((String r) -> s.info(r).orElseThrow().createdMillis()).thenComparing(r -> r))
                .orElseThrow(() -> CliException.notFound("no runs in " + s.file() + " (run 'kernelwise search' first)"));
    }

    /** Fails with exit code 3 unless {@code run} is stored. */
    static void requireRun(RunStore s, String run) {
        if (!s.exists(run)) throw new CliException(ExitCode.NOT_FOUND, new NoSuchRunException(run, s.file()).getMessage());
    }
}
