package kernelwise.search.cli;

import kernelwise.models.Networks;
import kernelwise.models.compress.NetworkSpecs;
import kernelwise.models.data.DataSplits;
import kernelwise.models.plan.CompressionPlan;
import kernelwise.models.plan.NetworkSpec;
import kernelwise.search.bench.FinetuneRecipe;
import kernelwise.search.bench.UserLoopBench;
import kernelwise.search.bench.UserLoopBenchReport;
import org.deeplearning4j.nn.api.Model;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code kernelwise bench userloop}: a plan attached to the network and trained by its own fit, against {@code finetune --method qat}. */
@Command(name = "userloop", mixinStandardHelpOptions = true,
        description = {"Train a stored float model into each plan twice per seed, for the same epochs on the same minibatches: by",
                "'finetune --method qat' and by the user-loop route (PlanAttachment.attach, then the network's own fit(iterator));",
                "tabulate the test accuracy of both .kw files and their difference in results/bench/NAME.md and .json. The user",
                "loop fits for --epochs + --retrain-epochs epochs. Rows already in the table made with the same settings are kept."})
public final class BenchUserLoopCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    BenchOptions bench;

    @CommandLine.Mixin
    RecipeOptions recipe;

    @Option(names = "--plan", paramLabel = "FILE", required = true, description = "a plan JSON, e.g. a search's best plan (repeatable)")
    List<Path> planFiles;

    @Option(names = "--seeds", paramLabel = "S,...", split = ",", defaultValue = "1,2,3", description = "seeds of the batch order (default: ${DEFAULT-VALUE})")
    List<Long> seeds;






    @Option(names = "--name", paramLabel = "STEM", defaultValue = "userloop", description = "file stem of the table (default: ${DEFAULT-VALUE})")
    String name;

    @Override
    public Integer call() throws Exception {
        bench.checkedDir();
        FinetuneRecipe qat = recipe.recipe("qat", seeds.get(0));
        Map<String, String> planNames = new LinkedHashMap<>();
        Map<String, CompressionPlan> plans = new LinkedHashMap<>();
        for (Path f : planFiles) {
            String stem = f.getFileName().toString().replaceFirst("\\.json$", "");
            if (planNames.put(stem, f.toString()) != null) throw CliException.usage("two --plan files named " + stem + "; give plans distinct file names");
            plans.put(stem, CliModels.plan(f));
        }
        Model teacher = bench.network();
        NetworkSpec networkSpec = NetworkSpecs.of(teacher);
        for (CompressionPlan p : plans.values()) CliModels.checkPlan(p, networkSpec);
        DataSplits data = CliData.load(bench.dataset);
        UserLoopBench.Settings settings = new UserLoopBench.Settings(bench.model, bench.dataset, planNames, seeds, qat, data.test().numExamples());
        Path dir = bench.dir();
        List<UserLoopBench.Row> done;
        try {
            done = UserLoopBenchReport.rows(dir, name, settings);
        } catch (IllegalStateException e) {
            throw new CliException(ExitCode.REFUSED, e.getMessage());
        }
        double floatAccuracy = Networks.accuracy(teacher, data.test(), 1000);
        PrintWriter err = spec.commandLine().getErr();
        List<UserLoopBench.Row> rows = new UserLoopBench(settings, teacher, data, dir.resolve(name)).run(plans, done, all -> {
            UserLoopBench.Row r = all.get(all.size() - 1);
            err.printf(Locale.ROOT, "bench userloop: plan %s, seed %d, %s: %.2f%%%n", r.plan(), r.seed(), r.route(), 100 * r.testAccuracy());
            err.flush();
            try {
                UserLoopBenchReport.write(dir, name, settings, floatAccuracy, all);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        UserLoopBenchReport.write(dir, name, settings, floatAccuracy, rows);
        bench.print(spec, () -> read(dir.resolve(name + ".json")), () -> read(dir.resolve(name + ".md")));
        return ExitCode.OK;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file).strip();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
