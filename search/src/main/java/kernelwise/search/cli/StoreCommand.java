package kernelwise.search.cli;

import kernelwise.models.AtomicWrite;
import kernelwise.search.store.StoreException;
import kernelwise.search.store.StoreRecovery;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/** {@code kernelwise store check|salvage}: what of a store file can be read, and copying it into a new store. */
@Command(name = "store", mixinStandardHelpOptions = true, description = "Check a run store file, or copy what can still be read of it into a new one.",
        subcommands = {StoreCommand.Check.class, StoreCommand.Salvage.class})
public final class StoreCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a sub-verb is required: check or salvage");
    }

    /** {@code kernelwise store check FILE}: exit 0 if every record reads, 4 if anything is damaged. */
    @Command(name = "check", mixinStandardHelpOptions = true,
            description = {"Read every record of a store file (never writing it) and say, per run, what is readable and what is not.",
                    "Exit code 0 if all of it is readable, 4 if anything is damaged."})
    static final class Check implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @Parameters(paramLabel = "FILE", description = "the store file")
        Path file;

        @Override
        public Integer call() throws IOException {
            StoreRecovery.Report r = read(() -> StoreRecovery.check(storeFile(file)));
            PrintWriter w = spec.commandLine().getOut();
            w.println(file + ": " + (r.headerProblem() == null ? "header and length as recorded (" + String.format(Locale.ROOT, "%,d", Files.size(file))
                    + " bytes)" : r.headerProblem() + " (read through a zero-padded copy)"));
            if (r.tableProblem() != null) w.println("  " + r.tableProblem());
            for (StoreRecovery.RunReport run : r.runs()) w.println("  " + describe(run));
            if (r.runs().isEmpty()) w.println("  no runs");
            w.println(r.whole() ? "all readable" : "damaged; 'kernelwise store salvage " + file + " --out NEW' copies every run's readable episodes into a new store");
            w.flush();
            return r.whole() ? ExitCode.OK : ExitCode.REFUSED;
        }
    }

    /** {@code kernelwise store salvage FILE --out NEW}. */
    @Command(name = "salvage", mixinStandardHelpOptions = true,
            description = {"Copy every run of a (damaged) store whose configuration can be read, with its episodes up to the first",
                    "unreadable one and its agent checkpoint if it lies within them, into a new store; the old file is not written."})
    static final class Salvage implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @Parameters(paramLabel = "FILE", description = "the store file to read")
        Path file;
        @Option(names = "--out", required = true, paramLabel = "NEW", description = "the new store file (must not exist)")
        Path out;

        @Override
        public Integer call() throws IOException {
            storeFile(file);
            SafeOutput.of("--out", out, false).notOnto("store", file).check();
            PrintWriter w = spec.commandLine().getOut();
            StoreRecovery.Report r = read(() -> AtomicWrite.write(out, tmp -> {
                StoreRecovery.Report found = StoreRecovery.salvage(file, tmp, line -> w.println(line));
                if (copied(found) == 0) {
                    throw new CliException(ExitCode.REFUSED, "nothing of " + file + " can be read" + (found.runs().isEmpty() ? " (no runs)" : "")
                            + "; " + out + " is not written");
                }
                return found;
            }));
            long copied = copied(r);
            w.println("wrote " + out + ": " + copied + " of " + r.runs().size() + " runs (resume a cut run with 'kernelwise resume NAME --store " + out + "')");
            w.flush();
            return ExitCode.OK;
        }
    }

    private static long copied(StoreRecovery.Report r) {
        return r.runs().stream().filter(x -> x.infoReadable() && (x.progressReadable() || x.readablePrefix() > 0)).count();
    }

    private interface Work<T> {
        T run() throws IOException;
    }

    private static Path storeFile(Path file) {
        if (Files.isDirectory(file)) throw CliException.usage(file + " is a folder; give the store file");
        if (!Files.exists(file)) throw CliException.notFound("no such store file: " + file);
        return file;
    }

    private static <T> T read(Work<T> work) throws IOException {
        try {
            return work.run();
        } catch (NoSuchFileException e) {
            throw CliException.notFound("no such store file: " + e.getFile());
        } catch (StoreException e) {
            throw new CliException(ExitCode.REFUSED, e.getMessage(), e);
        }
    }

    private static String describe(StoreRecovery.RunReport r) {
        StringBuilder sb = new StringBuilder("run ").append(r.run()).append(": ");
        if (!r.infoReadable()) return sb.append(r.firstProblem()).toString();
        if (!r.progressReadable()) return sb.append(r.firstProblem()).append(r.readablePrefix() == 0 ? "; no episode readable"
                : "; episodes 0.." + (r.readablePrefix() - 1) + " readable").toString();
        sb.append(r.episodesDone() - r.unreadable().size()).append(" of ").append(r.episodesDone()).append(" episodes readable");
        if (!r.unreadable().isEmpty()) {
            sb.append(", unreadable: ").append(r.unreadable().stream().limit(8).map(String::valueOf).collect(Collectors.joining(",")))
                    .append(r.unreadable().size() > 8 ? ",..." : "").append(" (").append(r.firstProblem()).append(")");
        }
        if (r.checkpointProblem() != null) sb.append("; checkpoint unreadable (").append(r.checkpointProblem()).append(")");
        else sb.append(r.checkpointEpisodes().map(e -> "; checkpoint after episode " + (e - 1) + " readable").orElse("; no checkpoint"));
        return sb.toString();
    }
}
