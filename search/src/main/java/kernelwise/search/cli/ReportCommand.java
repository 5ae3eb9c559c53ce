package kernelwise.search.cli;

import kernelwise.search.RunOutputs;
import kernelwise.search.report.ReportWriter;
import kernelwise.search.store.RunStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code kernelwise report NAME}: writes results/NAME/report.html with its charts. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Write results/NAME/report.html: reward, accuracy-vs-cost fronts, the best plan per layer and per kernel.")
final class ReportCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin StoreOptions storeOptions;
    @Parameters(paramLabel = "NAME", arity = "0..1", description = "The run (default: the run started last).")
    String run;

    @Override
    public Integer call() throws Exception {
        try (RunStore store = storeOptions.openForReading()) {
            String run = StoreOptions.runOrLatest(store, this.run);
            if (store.progress(run).episodesDone() == 0) throw CliException.notFound("run '" + run + "' has no episodes yet: nothing to report");
            Path dir = RunOutputs.write(store, run, storeOptions.results());
            Path html = ReportWriter.write(store, run, dir);
            spec.commandLine().getOut().println("wrote " + html);
        }
        spec.commandLine().getOut().flush();
        return ExitCode.OK;
    }
}
