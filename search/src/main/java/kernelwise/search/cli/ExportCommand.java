package kernelwise.search.cli;

import kernelwise.search.PlanChoice;
import kernelwise.search.store.EpisodeRecord;
import kernelwise.search.store.RunStore;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code kernelwise export NAME --best --out plan.json}: writes a stored plan as the JSON {@code finetune} reads. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write a run's best (or any) plan as a CompressionPlan JSON file, the input of 'finetune'.")
final class ExportCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin StoreOptions storeOptions;
    @Parameters(paramLabel = "NAME", arity = "0..1", description = "The run (default: the run started last).")
    String run;
    @ArgGroup(exclusive = true)
    Which which = new Which();
    @Option(names = "--by", description = "With --best: reward (the search's objective), accuracy, or the cheapest in latency, energy or size"
            + " among plans within --max-drop of the most accurate (default: ${DEFAULT-VALUE}).")
    String by = "reward";
    @Option(names = "--max-drop", description = "With --by latency|energy|size: accuracy a plan may lose to the most accurate, as a fraction (default: ${DEFAULT-VALUE}).")
    double maxDrop = 0.01;
    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The plan file to write.")
    Path out;
    @Option(names = "--force", description = "Replace --out if it exists.")
    boolean force;

    static final class Which {
        @Option(names = "--best", description = "The best plan (the default).")
        boolean best;
        @Option(names = "--episode", description = "The plan of this episode.")
        Long episode;
    }

    @Override
    public Integer call() throws Exception {
        PlanChoice choice = PlanChoice.parse(by);
        SafeOutput output = SafeOutput.of("--out", out, force).notOnto("store", storeOptions.store());
        output.check();
        try (RunStore store = storeOptions.openForReading()) {
            String run = StoreOptions.runOrLatest(store, this.run);
            long done = store.progress(run).episodesDone();
            if (done == 0) throw CliException.notFound("run '" + run + "' has no episodes yet");
            EpisodeRecord e;
            if (which.episode != null) {
                if (which.episode < 0 || which.episode >= done) {
                    throw CliException.notFound("run '" + run + "' has episodes 0.." + (done - 1) + ", found --episode " + which.episode);
                }
                e = store.episode(run, which.episode);
            } else {
                List<EpisodeRecord> all = store.episodes(run);
                e = choice.choose(all, maxDrop);
            }
            output.write(f -> {
                e.plan().write(f);
                return null;
            });
            spec.commandLine().getOut().printf(Locale.ROOT, "wrote %s: episode %d of run %s (%s)%n", out, e.index(), run,
                    Summaries.scores(e.scores()));
        }
        spec.commandLine().getOut().flush();
        return ExitCode.OK;
    }
}
