package kernelwise.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import kernelwise.models.AtomicWrite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * A run's folder {@code <results>/<run>/} belongs to one run of one store: the first to write into it records the
 * store's real path in {@value #OWNER_FILE}, and a run of the same name in another store (or in a copy of the store)
 * is refused instead of overwriting the owner's files. A folder written before owner files existed is judged by the
 * store its {@code summary.json} names.
 */
public final class RunFolder {
    /** The file in a run folder naming the store whose run it holds. */
    public static final String OWNER_FILE = ".kernelwise-owner";

    private RunFolder() {
    }

    /** A run folder that belongs to another store's run. */
    public static final class TakenException extends IOException {
        TakenException(String message) {
            super(message);
        }
    }

    /**
     * Makes sure {@code <results>/<run>/} belongs to {@code run} of {@code store}, creating it and its owner file if
     * missing; returns whether the owner file was created now.
     *
     * @throws TakenException if the folder belongs to another store
     */
    public static boolean claim(Path results, String run, Path store) throws IOException {
        Path dir = RunOutputs.runDir(results, run);
        check(results, run, store);
        Path owner = dir.resolve(OWNER_FILE);
        if (Files.exists(owner)) return false;
        Files.createDirectories(dir);
        Properties p = new Properties();
        p.setProperty("store", real(store).toString());
        p.setProperty("run", run);
        java.io.StringWriter w = new java.io.StringWriter();
        p.store(w, "the run whose files this folder holds");
        AtomicWrite.writeString(owner, w.toString());
        return true;
    }

    /** Fails if {@code <results>/<run>/} exists and belongs to another store's run; writes nothing. */
    public static void check(Path results, String run, Path store) throws IOException {
        Path dir = RunOutputs.runDir(results, run);
        String owner = owner(dir);
        if (owner == null) return;
        String mine = real(store).toString();
        if (!owner.equals(mine)) {
            throw new TakenException("results folder " + dir + " holds run '" + run + "' of store " + owner + ", not of " + mine
                    + "; pick another --run, or another --results folder for this store");
        }
    }

    /** Removes the owner file written by a {@link #claim} that returned true (after a run failed to start). */
    static void unclaim(Path results, String run) throws IOException {
        Files.deleteIfExists(RunOutputs.runDir(results, run).resolve(OWNER_FILE));
    }

    /** The real path of the store owning {@code dir}, or null if nothing claims it. */
    static String owner(Path dir) throws IOException {
        Path owner = dir.resolve(OWNER_FILE);
        if (Files.isRegularFile(owner)) {
            Properties p = new Properties();
            try (var in = Files.newBufferedReader(owner)) {
                p.load(in);
            }
            String s = p.getProperty("store");
            if (s == null) throw new TakenException(owner + " names no store; delete it if the folder is yours");
            return s;
        }
        Path summary = dir.resolve("summary.json");
        if (!Files.isRegularFile(summary)) return null;
        try {
            JsonNode store = new ObjectMapper().readTree(summary.toFile()).get("store");
            return store == null || !store.isTextual() ? null : real(Path.of(store.asText())).toString();
        } catch (IOException unreadable) {
            return null;
        }
    }

    private static Path real(Path p) throws IOException {
        Path abs = p.toAbsolutePath().normalize();
        if (Files.exists(abs)) return abs.toRealPath();
        Path parent = abs.getParent();
        return parent == null ? abs : real(parent).resolve(abs.getFileName().toString());
    }
}
