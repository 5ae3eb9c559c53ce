package kernelwise.search.cli;

import kernelwise.models.Networks;
import kernelwise.models.compress.NetworkSpecs;
import kernelwise.models.compress.PlanCounts;
import kernelwise.models.data.DataSplits;
import kernelwise.models.export.KwFile;
import kernelwise.models.finetune.FinetuneRequest;
import kernelwise.models.finetune.Finetuning;
import kernelwise.models.finetune.Retraining;
import kernelwise.models.plan.CompressionPlan;
import kernelwise.models.plan.NetworkSpec;
import kernelwise.models.train.TrainListener;
import org.deeplearning4j.nn.api.Model;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code kernelwise bench finetune}: trains a stored float network into the same plans with every method and
 * writes results/bench/finetune.md and finetune.json.
 */
@Command(name = "finetune", mixinStandardHelpOptions = true,
        description = {"Train a stored float model into the same plans with each training method (qat, admm, slr,",
                "autoprune, bnn) and tabulate test accuracy after the hard projection and after retraining, packed",
                "size, compression ratio against float32 and wall time in results/bench/finetune.md and .json."})
public final class BenchFinetuneCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    BenchOptions bench;

    @Option(names = "--plan", paramLabel = "FILE", description = "a plan JSON to include (repeatable), e.g. a search's best plan")
    List<Path> planFiles = new ArrayList<>();

    @Option(names = "--builtin", paramLabel = "NAME", split = ",", defaultValue = "uniform4-90,tiny",
            description = "built-in plans: uniform4-90 (4 bits, 90%% sparse), tiny (aimed at >= 300x: --tiny-density and --tiny-bits, kernels' shares by magnitude), none (default: ${DEFAULT-VALUE})")
    List<String> builtins;

    @Option(names = "--methods", paramLabel = "M", split = ",", defaultValue = "qat,admm,slr,autoprune,bnn",
            description = "methods (default: ${DEFAULT-VALUE})")
    List<String> methods;

    @Option(names = "--epochs", paramLabel = "N", defaultValue = "2", description = "epochs of each method's own phase (default: ${DEFAULT-VALUE})")
    int epochs;

    @Option(names = "--retrain-epochs", paramLabel = "N", defaultValue = "1", description = "masked QAT epochs after the hard projection (default: ${DEFAULT-VALUE})")
    int retrainEpochs;

    @Option(names = "--train-limit", paramLabel = "N", defaultValue = "0", description = "use only the first N training images (0: all)")
    int trainLimit;

    @Option(names = "--lr", paramLabel = "X", defaultValue = "0.001", description = "Adam learning rate while fine-tuning (default: ${DEFAULT-VALUE})")
    double lr;

    @Option(names = "--batch", paramLabel = "B", defaultValue = "64", description = "minibatch size (default: ${DEFAULT-VALUE})")
    int batch;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42", description = "seed of the batch order (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--distill", paramLabel = "ALPHA", defaultValue = "0", description = "weight of the float teacher's soft-target loss, distillation at temperature 2 (0: off)")
    double distill;

    @Option(names = "--resume", description = "keep the rows of the table already in the output folder that were made with the same settings, and run only the others")
    boolean resume;

    @Option(names = "--rho-max", paramLabel = "X", description = "cap of ADMM's and SLR's penalty weight rho (default: the methods' own, 0.1)")
    Double rhoMax;

    @Option(names = "--tiny-density", paramLabel = "D,...", split = ",", defaultValue = "0.6,0.05,0.0055,0.06",
            description = "the tiny plan's fraction of weights kept per compressible layer (default, for lenet5: ${DEFAULT-VALUE})")
    double[] tinyDensity;

    @Option(names = "--tiny-bits", paramLabel = "B,...", split = ",", defaultValue = "4,3,1,3",
            description = "the tiny plan's weight bits per compressible layer (default, for lenet5: ${DEFAULT-VALUE})")
    int[] tinyBits;

    /** The option of each request setting these options feed (the request names its settings in its refusals). */
    private static final Map<String, String> OPTIONS = Map.of("method", "--methods", "epochs", "--epochs", "retrainEpochs", "--retrain-epochs",
            "rhoMax", "--rho-max", "learningRate", "--lr", "batchSize", "--batch", "trainExamples", "--train-limit", "softWeight", "--distill");

    /** The request parts the options give, validated before anything is loaded. */
    private Map<String, FinetuneRequest.Method> requestMethods;
    private FinetuneRequest.Schedule schedule;
    private FinetuneRequest.Distillation distillation;

    @Override
    public Integer call() throws Exception {
        bench.checkedDir();
        schedule = FinetuneOptions.checked(OPTIONS, () -> new FinetuneRequest.Schedule(lr, batch, seed, trainLimit));
        distillation = FinetuneOptions.checked(OPTIONS, () -> FinetuneRequest.Distillation.of(distill));
        requestMethods = new LinkedHashMap<>();
        for (String m : methods) {
            requestMethods.put(m, FinetuneOptions.checked(OPTIONS, () -> new FinetuneRequest.Method(m, epochs, new Retraining(retrainEpochs), rhoMax, false)));
        }
        if (builtins.contains("tiny")) checkTinyOptions();
        List<BenchFinetuneRow> done = resume ? BenchFinetuneReport.rows(bench.dir(), settings()) : List.of();
        Model teacher = bench.network();
        DataSplits data = CliData.load(bench.dataset);
        double floatAccuracy = Networks.accuracy(teacher, data.test(), 1000);
        Map<String, CompressionPlan> plans = plans(teacher);
        Path dir = bench.dir();
        List<BenchFinetuneRow> rows = new ArrayList<>();
        PrintWriter err = spec.commandLine().getErr();
        for (Map.Entry<String, CompressionPlan> plan : plans.entrySet()) {
            for (String m : methods) {
                var kept = done.stream().filter(r -> r.plan().equals(plan.getKey()) && r.method().equals(m)).findFirst();
                if (kept.isPresent()) {
                    err.printf("bench finetune: plan %s, method %s: kept from the table in %s%n", plan.getKey(), m, dir);
                    rows.add(kept.get());
                    continue;
                }
                err.printf("bench finetune: plan %s, method %s%n", plan.getKey(), m);
                err.flush();
                rows.add(runOne(teacher, data, plan.getKey(), plan.getValue(), m, dir));
                BenchFinetuneReport.write(dir, bench.model, bench.dataset, floatAccuracy, settings(), rows, command());
            }
        }
        BenchFinetuneReport.write(dir, bench.model, bench.dataset, floatAccuracy, settings(), rows, command());
        bench.print(spec, () -> BenchFinetuneReport.json(bench.model, bench.dataset, floatAccuracy, settings(), rows),
                () -> BenchFinetuneReport.markdown(bench.model, bench.dataset, floatAccuracy, settings(), rows, command()));
        return ExitCode.OK;
    }

    private BenchFinetuneRow runOne(Model teacher, DataSplits data, String planName, CompressionPlan plan, String methodName, Path dir)
            throws IOException {
        // bnn re-divides the plan's pruning budget here (keepPlan false), as the committed tables were measured
        FinetuneRequest request = new FinetuneRequest(plan, requestMethods.get(methodName), schedule, distillation, FinetuneRequest.Calibration.TEACHER);
        Finetuning.Result result = Finetuning.run(teacher, request, data, TrainListener.NONE);
        NetworkSpec spec = NetworkSpecs.of(result.network());
        PlanCounts counts = PlanCounts.of(spec, result.plan());
        long payload = (counts.storageBits() + 7) / 8;
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("model", bench.model);
        source.put("dataset", bench.dataset);
        source.put("plan", planName);
        source.put("method", methodName);
        Path file = dir.resolve("finetune").resolve(planName + "-" + methodName + ".kw");
        long bytes = result.writeKw(source, file);
        return new BenchFinetuneRow(planName, methodName, result.epochs(),
                Networks.accuracy(result.hardProjected(), data.test(), 1000), CliModels.accuracy(KwFile.read(file), data.test()),
                counts.keptWeights(), payload, bytes, 4.0 * teacher.numParams() / bytes, result.seconds());
    }

    private Map<String, CompressionPlan> plans(Model teacher) throws IOException {
        NetworkSpec spec = NetworkSpecs.of(teacher);
        Map<String, CompressionPlan> plans = new LinkedHashMap<>();
        for (String b : builtins) {
            switch (b) {
                case "uniform4-90" -> plans.put(b, BenchPlans.uniform4bit90(spec));
                case "tiny" -> {
                    try {
                        plans.put(b, BenchPlans.tiny(teacher, tinyDensity, tinyBits));
                    } catch (IllegalArgumentException e) {
                        throw CliException.usage("--tiny-density/--tiny-bits: " + e.getMessage());
                    }
                }
                case "none", "" -> { }
                default -> throw CliException.usage("unknown built-in plan '" + b + "' (known: uniform4-90, tiny, none)");
            }
        }
        for (Path f : planFiles) {
            if (!Files.exists(f)) throw new java.nio.file.NoSuchFileException(f.toString());
            CompressionPlan p = CompressionPlan.read(f);
            p.checkAgainst(spec);
            plans.put(f.getFileName().toString().replaceFirst("\\.json$", ""), p);
        }
        if (plans.isEmpty()) throw CliException.usage("no plans: give --plan FILE or --builtin");
        return plans;
    }

    /** The tiny plan's values that need no network, checked before the model is loaded (their count is checked against it). */
    private void checkTinyOptions() {
        if (tinyDensity.length != tinyBits.length) {
            throw CliException.usage("--tiny-density and --tiny-bits need one value per layer each, found " + tinyDensity.length + " and " + tinyBits.length);
        }
        for (double d : tinyDensity) {
            if (!(d > 0 && d <= 1)) throw CliException.usage("--tiny-density values must be in (0, 1], found " + d);
        }
        for (int b : tinyBits) {
            if (!CompressionPlan.validWeightBits(b)) throw CliException.usage("--tiny-bits values must be 1..8 or 32, found " + b);
        }
    }

    /** The command line that makes this table. */
    private String command() {
        StringBuilder b = new StringBuilder(String.format(java.util.Locale.ROOT, "./kernelwise bench finetune --model %s --dataset %s --builtin %s --methods %s"
                        + " --epochs %d --retrain-epochs %d --train-limit %d --lr %s --batch %d --seed %d --distill %s", bench.model, bench.dataset,
                builtins.isEmpty() ? "none" : String.join(",", builtins), String.join(",", methods), epochs, retrainEpochs, trainLimit, lr, batch, seed, distill));
        for (Path f : planFiles) b.append(" --plan ").append(f);
        if (rhoMax != null) b.append(" --rho-max ").append(rhoMax);
        if (builtins.contains("tiny")) {
            b.append(" --tiny-density ").append(java.util.Arrays.stream(tinyDensity).mapToObj(String::valueOf).collect(java.util.stream.Collectors.joining(",")));
            b.append(" --tiny-bits ").append(java.util.Arrays.stream(tinyBits).mapToObj(String::valueOf).collect(java.util.stream.Collectors.joining(",")));
        }
        return b.toString();
    }

    private Map<String, Object> settings() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("epochs", epochs);
        s.put("retrainEpochs", retrainEpochs);
        s.put("trainLimit", trainLimit);
        s.put("lr", lr);
        s.put("batch", batch);
        s.put("seed", seed);
        s.put("distill", distill);
        if (rhoMax != null) s.put("rhoMax", rhoMax);
        s.put("tinyDensity", java.util.Arrays.stream(tinyDensity).boxed().toList());
        s.put("tinyBits", java.util.Arrays.stream(tinyBits).boxed().toList());
        return s;
    }
}
