package kernelwise.search.cli;

import kernelwise.search.RunFactory;
import kernelwise.search.SearchLoop;
import kernelwise.search.store.RunProgress;
import kernelwise.search.store.RunStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.util.OptionalLong;
import java.util.concurrent.Callable;

/** {@code kernelwise resume NAME}: continues a run from its last committed episode. */
@Command(name = "resume", mixinStandardHelpOptions = true,
        description = "Continue a stopped (or finished) run from its last committed episode, exactly as if it had never stopped.")
final class ResumeCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin StoreOptions storeOptions;

    @Parameters(paramLabel = "NAME", arity = "0..1", description = "The run (default: the run started last).")
    String run;
    @Option(names = "--episodes", description = "Raise (or keep) the run's target number of episodes.")
    Long episodes;

    private final RunFactory runs;

    ResumeCommand(RunFactory runs) {
        this.runs = runs;
    }

    @Override
    public Integer call() throws Exception {
        if (episodes != null && episodes <= 0) throw CliException.usage("episodes must be positive, found " + episodes);
        try (RunStore store = storeOptions.openExisting(); ProgressListener bar = new ProgressListener(System.err)) {
            String run = StoreOptions.runOrLatest(store, this.run);
            OptionalLong target = episodes == null ? OptionalLong.empty() : OptionalLong.of(episodes);
            SearchLoop loop = new SearchLoop(store, storeOptions.results(), runs, bar);
            RunProgress p = RunErrors.mapped(() -> loop.resume(run, target));
            bar.close();
            Summaries.printFinished(spec.commandLine().getOut(), run, p, storeOptions.results());
        }
        return ExitCode.OK;
    }
}
