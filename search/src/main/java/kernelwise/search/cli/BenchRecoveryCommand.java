package kernelwise.search.cli;

import kernelwise.search.RunFactory;
import kernelwise.search.bench.RecoveryBench;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code kernelwise bench recovery}: which search-time score predicts the accuracy after fine-tuning? */
@Command(name = "recovery", mixinStandardHelpOptions = true,
        description = {"Make plans over several budgets (random-agent episodes, the global magnitude plan and jittered variants of it),",
                "fine-tune each by one recipe, score each after every recovery step (none, bias, lsq) and tabulate Spearman's rank",
                "correlation between score and fine-tuned test accuracy, with the scoring time. Writes results/bench/NAME.md and .json;",
                "plans already fine-tuned with the same settings are kept."})
public final class BenchRecoveryCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    BenchOptions bench;

    @CommandLine.Mixin
    RecipeOptions recipe;

    @Option(names = "--hardware", paramLabel = "NAME", defaultValue = "size", description = "hardware model (default: ${DEFAULT-VALUE})")
    String hardware;

    @Option(names = "--budgets", paramLabel = "R=F", split = ",", defaultValue = "size=0.011,size=0.02,size=0.05,size=0.1",
            description = "budgets the plans are made for (default: ${DEFAULT-VALUE})")
    List<String> budgets;

    @Option(names = "--random-plans", paramLabel = "N", defaultValue = "4", description = "random-agent plans per budget (default: ${DEFAULT-VALUE})")
    int randomPlans;

    @Option(names = "--jittered-plans", paramLabel = "N", defaultValue = "3", description = "jittered magnitude plans per budget (default: ${DEFAULT-VALUE})")
    int jitteredPlans;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "seed of the plans and the fine-tuning (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--eval-images", paramLabel = "N", defaultValue = "2000", description = "search-validation images a plan is scored on (default: ${DEFAULT-VALUE})")
    int evalImages;

    @Option(names = "--recovery-images", paramLabel = "N", defaultValue = "256", description = "training images the recovery steps fit on (default: ${DEFAULT-VALUE})")
    int recoveryImages;

    @Option(names = "--method", paramLabel = "M", defaultValue = "qat", description = "fine-tuning method (default: ${DEFAULT-VALUE})")
    String method;




    @Option(names = "--name", paramLabel = "STEM", defaultValue = "recovery", description = "file stem of the table (default: ${DEFAULT-VALUE})")
    String name;

    private final RunFactory runs;

    BenchRecoveryCommand(RunFactory runs) {
        this.runs = runs;
    }

    @Override
    public Integer call() throws Exception {
        bench.checkedDir();
        RecoveryBench.Settings settings;
        try {
            settings = new RecoveryBench.Settings(bench.model, bench.dataset, hardware, budgets, randomPlans, jitteredPlans, seed, evalImages,
                    recoveryImages, recipe.recipe(method, seed));
            for (String b : budgets) kernelwise.env.budget.Budget.parse(b);
        } catch (IllegalArgumentException e) {
            throw CliException.usage(e.getMessage());
        }
        PrintWriter err = spec.commandLine().getErr();
        new RecoveryBench(settings, bench.dir(), name, runs).run(r -> {
            err.printf(Locale.ROOT, "bench recovery: %s %s: fine-tuned %.2f%%, scores %s%n", r.budget(), r.source(), 100 * r.testAccuracy(), r.scores());
            err.flush();
        });
        bench.print(spec, () -> read(name + ".json"), () -> read(name + ".md"));
        return ExitCode.OK;
    }

    private String read(String file) {
        try {
            return Files.readString(bench.dir().resolve(file)).strip();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
