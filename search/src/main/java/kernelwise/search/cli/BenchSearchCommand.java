package kernelwise.search.cli;

import kernelwise.agents.Agents;
import kernelwise.models.compress.Recovery;
import kernelwise.search.RunFactory;
import kernelwise.search.bench.SearchBench;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code kernelwise bench search}: does the search beat not searching? */
@Command(name = "search", mixinStandardHelpOptions = true,
        description = {"Compare the search agents and plans made without a search (uniform, global magnitude pruning, the budget",
                "projector on the 8-bit plan) on one stored model, hardware model and budget: every contender makes a plan per seed",
                "(searches with the same episodes), every plan is fine-tuned by the same recipe and measured on the test split as",
                "its .kw file read back. Writes results/bench/NAME.md and .json; each search is a run in NAME-runs.db, so a stopped",
                "bench resumes where it stopped and finished rows are kept (a table made with other settings is refused)."})
public final class BenchSearchCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    BenchOptions bench;

    @CommandLine.Mixin
    RecipeOptions recipe;

    @Option(names = "--hardware", paramLabel = "NAME", defaultValue = "bitfusion", description = "hardware model (default: ${DEFAULT-VALUE})")
    String hardware;

    @Option(names = "--budget", paramLabel = "R=F", defaultValue = "latency=0.2", description = "resource=fraction of the 8-bit plan's cost (default: ${DEFAULT-VALUE})")
    String budget;

    @Option(names = "--contenders", paramLabel = "C", split = ",", defaultValue = "hierarchical,ddpg,evolutionary,dqn,random,uniform,magnitude,projector",
            description = "agents and heuristics to compare (default: ${DEFAULT-VALUE})")
    List<String> contenders;

    @Option(names = "--seeds", paramLabel = "S", split = ",", defaultValue = "1,2,3", description = "seeds of the searches and the fine-tunings (default: ${DEFAULT-VALUE})")
    List<Long> seeds;

    @Option(names = "--episodes", paramLabel = "N", defaultValue = "300", description = "episodes of every search (default: ${DEFAULT-VALUE})")
    int episodes;

    @Option(names = "--eval-images", paramLabel = "N", defaultValue = "2000", description = "search-validation images a plan is scored on (default: ${DEFAULT-VALUE})")
    int evalImages;

    @Option(names = "--recovery", paramLabel = "R", defaultValue = "lsq", description = "recovery step before scoring: none, bias or lsq (default: ${DEFAULT-VALUE})")
    String recovery;

    @Option(names = "--recovery-images", paramLabel = "N", defaultValue = "256", description = "training images the recovery step fits on (default: ${DEFAULT-VALUE})")
    int recoveryImages;

    @Option(names = "--method", paramLabel = "M", defaultValue = "qat", description = "fine-tuning method (default: ${DEFAULT-VALUE})")
    String method;





    @Option(names = "--agent-config", paramLabel = "FILE", description = "the agents' hyper-parameters as JSON (default: the built-in defaults)")
    java.nio.file.Path agentConfig;

    @Option(names = "--name", paramLabel = "STEM", description = "file stem of the table (default: search-MODEL-DATASET-BUDGET)")
    String name;

    private final RunFactory runs;

    BenchSearchCommand(RunFactory runs) {
        this.runs = runs;
    }

    @Override
    public Integer call() throws Exception {
        bench.checkedDir();
        SearchBench.Settings settings;
        try {
            settings = new SearchBench.Settings(bench.model, bench.dataset, hardware, budget, contenders, seeds, episodes, evalImages,
                    Recovery.valueOf(recovery.toUpperCase(Locale.ROOT)), recoveryImages,
                    recipe.recipe(method, seeds.get(0)),
                    CliInputs.agentConfig("--agent-config", agentConfig));
            settings.search(Agents.NAMES.get(0), seeds.get(0));   // hardware, budget and recovery are checked here, before any work
        } catch (IllegalArgumentException e) {
            throw CliException.usage(e.getMessage().startsWith("No enum constant") ? "--recovery must be none, bias or lsq, found '" + recovery + "'" : e.getMessage());
        }
        String stem = name != null ? name : ("search-" + bench.model + "-" + bench.dataset + "-" + budget.replace('=', '-')).toLowerCase(Locale.ROOT);
        PrintWriter err = spec.commandLine().getErr();
        SearchBench b = new SearchBench(settings, bench.dir(), stem, runs);
        List<SearchBench.Row> rows = b.run((row, kept) -> {
            err.printf(Locale.ROOT, "bench search: %s seed %d %s: search score %.2f%%, cost %.3f, test accuracy after fine-tuning %.2f%%, %,d bytes%n",
                    row.contender(), row.seed(), kept ? "(kept)" : "", 100 * row.searchAccuracy(), row.relativeCost(), 100 * row.testAccuracy(), row.kwBytes());
            err.flush();
        });
        bench.print(spec, () -> Files.exists(bench.dir().resolve(stem + ".json")) ? read(stem + ".json") : "{}", () -> read(stem + ".md"));
        return rows.isEmpty() ? ExitCode.FAILURE : ExitCode.OK;
    }

    private String read(String file) {
        try {
            return Files.readString(bench.dir().resolve(file)).strip();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
