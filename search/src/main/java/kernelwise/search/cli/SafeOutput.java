package kernelwise.search.cli;

import kernelwise.models.Folders;
import kernelwise.models.AtomicWrite;
import kernelwise.search.store.StoreFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The one way a verb writes a file the user named: the path is refused (exit 4) when it is, or resolves to (through
 * symbolic links and {@code ..}), an input of the same command, a run store (or its write-ahead log), a stored zoo
 * model (results/models), a committed benchmark table (results/bench) or not a regular file (a device, a pipe); an
 * existing file is replaced only with
 * {@code --force}; the content is written by {@link AtomicWrite}, so a failed write leaves nothing behind.
 */
final class SafeOutput {
    private final String option;
    private final Path out;
    private final boolean force;
    private final List<Named> inputs = new ArrayList<>();

    private record Named(String what, Path path) {
    }

    private SafeOutput(String option, Path out, boolean force) {
        this.option = option;
        this.out = out;
        this.force = force;
    }

    /** The output {@code out} given as {@code option} (for the messages), replacing an existing file only if {@code force}. */
    static SafeOutput of(String option, Path out, boolean force) {
        return new SafeOutput(option, out, force);
    }

    /** Refuses {@code path} (an input of the command, described by {@code what}) as the output; a null path is ignored. */
    SafeOutput notOnto(String what, Path path) {
        if (path != null) inputs.add(new Named(what, path));
        return this;
    }

    /** {@link #notOnto} for an input given as text that may be a file path or a name (a zoo model, a data set). */
    SafeOutput notOnto(String what, String pathOrName) {
        if (pathOrName == null) return this;
        try {
            return notOnto(what, Path.of(pathOrName));
        } catch (java.nio.file.InvalidPathException notAPath) {
            return this;
        }
    }

    /** Refuses every file a data spec names (its options' values that are existing paths) as the output. */
    SafeOutput notOntoData(kernelwise.models.data.DataSpec data) {
        for (String v : data.options().values()) {
            for (String part : v.split("\\+")) {
                try {
                    if (Files.exists(Path.of(part))) notOnto("--data file", Path.of(part));
                } catch (java.nio.file.InvalidPathException notAPath) {
                    // an option that is not a file (a fraction, a shape)
                }
            }
        }
        return this;
    }

    /** Checks the output path, failing with exit code 4 (2 for a folder) and a line naming the path and why. */
    void check() throws IOException {
        Path real = Canonical.of(out);
        if (Files.isDirectory(out)) throw CliException.usage(option + " " + out + " is a folder; give the file to write");
        if (Files.exists(out) && !Files.isRegularFile(out)) {
            throw refused(option + " " + out + " is not a regular file (a device, pipe or socket); refusing to replace it");
        }
        for (Path up = out.toAbsolutePath().getParent(); up != null; up = up.getParent()) {
            if (!Files.exists(up)) continue;
            if (!Files.isDirectory(up)) throw CliException.usage(option + " " + out + ": " + up + " is a file, not a folder");
            break;
        }
        for (Named in : inputs) {
            if (same(real, in.path())) {
                throw refused(option + " " + out + " is this command's " + in.what() + (real.equals(Canonical.of(in.path())) && !out.equals(in.path())
                        ? " (" + in.path() + ")" : "") + "; refusing to overwrite an input, write elsewhere");
            }
        }
        refuseZoo(option, out, real);
        refuseBench(option, out, real);
        if (StoreFiles.isStoreOrLog(real)) {
            throw refused(option + " " + out + " is a run store" + (real.equals(out.toAbsolutePath()) ? "" : " (" + real + ")")
                    + "; refusing to overwrite it, write elsewhere");
        }
        if (Files.exists(out) && !force) {
            throw refused(option + " " + out + " exists; pass --force to replace it");
        }
    }

    /**
     * Checks a folder given as {@code option} into which a verb writes files it names itself: an empty path (the working
     * directory, never meant) or an existing file is a usage error (exit 2), a run store (or a link to one) is refused
     * (exit 4), and the model zoo's folder (and,
     * unless {@code benchTables}, results/bench) or a folder inside it is refused (exit 4).
     */
    static void checkFolder(String option, Path dir, boolean benchTables) throws IOException {
        if (dir.toString().isEmpty()) throw CliException.usage(option + " is empty; give the folder to write into");
        Path real = Canonical.of(dir);
        if (StoreFiles.isStoreOrLog(real)) {
            throw refused(option + " " + dir + " is a run store" + (real.equals(dir.toAbsolutePath()) ? "" : " (" + real + ")")
                    + ", not a folder; write elsewhere");
        }
        if (Files.exists(dir) && !Files.isDirectory(dir)) throw CliException.usage(option + " " + dir + " is a file; give the folder to write into");
        refuseZoo(option, dir, real);
        if (!benchTables) refuseBench(option, dir, real);
    }

    /**
     * Checks {@code dir} by {@link #checkFolder} (results/bench refused too), then each file of {@code names} in it as an
     * output of its own: the first that exists is refused unless {@code force}, naming it.
     */
    static void checkFilesIn(String option, Path dir, java.util.Collection<String> names, boolean force) throws IOException {
        checkFolder(option, dir, false);
        for (String name : names) of(option, dir.resolve(name), force).check();
    }

    private static void refuseZoo(String option, Path out, Path real) throws IOException {
        Path models = Canonical.of(Folders.results()).resolve("models");
        if (real.startsWith(models)) {
            throw refused(option + " " + out + " is in the model zoo's folder " + models + "; stored models are written only by 'train'");
        }
    }

    private static void refuseBench(String option, Path out, Path real) throws IOException {
        Path bench = Canonical.of(Folders.results()).resolve("bench");
        if (real.startsWith(bench)) throw refused(option + " " + out + " is in " + bench + ", the committed benchmark tables; write elsewhere");
    }

    /** Checks the path, then writes {@code content} into it atomically. */
    <T> T write(AtomicWrite.Content<T> content) throws IOException {
        check();
        return AtomicWrite.write(out, content);
    }

    private static boolean same(Path realOut, Path input) throws IOException {
        if (realOut.equals(Canonical.of(input))) return true;
        return Files.exists(realOut) && Files.exists(input) && Files.isSameFile(realOut, input);
    }

    private static CliException refused(String message) {
        return new CliException(ExitCode.REFUSED, message);
    }
}
