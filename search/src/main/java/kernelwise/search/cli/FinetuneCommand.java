package kernelwise.search.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import kernelwise.models.Folders;
import kernelwise.models.compress.Accuracy;
import kernelwise.models.compress.FastPlanScorer;
import kernelwise.models.compress.NetworkSpecs;
import kernelwise.models.compress.QuantizedNetwork;
import kernelwise.models.data.DataSplits;
import kernelwise.models.export.KwFile;
import kernelwise.models.finetune.FinetuneRequest;
import kernelwise.models.finetune.Finetuning;
import kernelwise.models.finetune.Retraining;
import kernelwise.models.plan.CompressionPlan;
import org.deeplearning4j.nn.api.Model;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code kernelwise finetune}: trains a model into a plan and writes the packed {@code .kw} file. */
@Command(name = "finetune", mixinStandardHelpOptions = true,
        description = {"Fine-tune a trained model into a compression plan (quantized weights and activations in the forward pass,",
                "float weights receiving the gradients, pruned weights held at zero) and write the packed .kw file.",
                "Reports float, plan-before and plan-after test accuracy, the .kw size and the compression ratio."})
public final class FinetuneCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "NAME|ZIP", description = "zoo name (its trained model in results/models) or a DL4J model zip")
    String model;

    @Option(names = {"--data", "--dataset"}, paramLabel = "SPEC", defaultValue = "mnist", description = "the data: " + CliData.HELP + " (default: ${DEFAULT-VALUE})")
    String dataset;

    @Option(names = "--plan", required = true, paramLabel = "FILE", description = "the plan (JSON)")
    Path planFile;

    @Option(names = "--epochs", paramLabel = "N", defaultValue = "1", description = "epochs (default: ${DEFAULT-VALUE})")
    int epochs;

    @Option(names = "--method", paramLabel = "NAME", defaultValue = "qat", description = "fine-tuning method: qat, admm, slr, autoprune, bnn (default: ${DEFAULT-VALUE})")
    String method;

    @Option(names = "--teacher", description = "distil from the float model (soft targets at temperature 2, half the loss)")
    boolean teacher;

    @Option(names = "--lr", paramLabel = "X", defaultValue = "0.001", description = "learning rate (default: ${DEFAULT-VALUE})")
    double lr;

    @Option(names = "--max-batches", paramLabel = "N", defaultValue = "0", description = "minibatches per epoch at most, 0 = all (for quick runs)")
    int maxBatches;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42", description = "seed of the batch order (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--out", paramLabel = "FILE", description = "the .kw file (default: results/finetune/<model>-<plan>.kw)")
    Path out;

    @Option(names = "--retrain-epochs", paramLabel = "N",
            description = "of the epochs, how many go to masked retraining at the end (default: 1, none for a single epoch)")
    Integer retrainEpochs;

    @Option(names = "--rho-max", paramLabel = "X", description = "cap of admm's and slr's penalty weight rho (default: the methods' own, 0.1)")
    Double rhoMax;

    @Option(names = "--force", description = "replace the .kw file if it exists")
    boolean force;

    @Option(names = "--json", description = "print one JSON object")
    boolean json;

    /** The option of each request setting these options feed (the request names its settings in its refusals). */
    private static final Map<String, String> OPTIONS = Map.of("method", "--method", "retrainEpochs", "--retrain-epochs",
            "rhoMax", "--rho-max", "learningRate", "--lr");

    @Override
    public Integer call() throws Exception {
        if (epochs < 1) throw CliException.usage("--epochs must be >= 1, found " + epochs);
        if (retrainEpochs != null && retrainEpochs >= epochs) {
            throw CliException.usage("--retrain-epochs must be fewer than --epochs (" + epochs + "), found " + retrainEpochs);
        }
        if (maxBatches < 0) throw CliException.usage("--max-batches must be >= 0, found " + maxBatches);
        int retrain = retrainEpochs != null ? retrainEpochs : Math.min(1, epochs - 1);
        FinetuneRequest.Method m = FinetuneOptions.checked(OPTIONS,
                () -> new FinetuneRequest.Method(method, epochs - retrain, new Retraining(retrain), rhoMax, true));
        FinetuneRequest.Schedule schedule = FinetuneOptions.checked(OPTIONS, () -> FinetuneRequest.Schedule.defaults().withLearningRate(lr).withSeed(seed));
        FinetuneRequest.Schedule limited = schedule.withTrainExamples(maxBatches * schedule.batchSize());
        Path file = out != null ? out : Folders.results().resolve("finetune").resolve(baseName() + ".kw");
        SafeOutput output = SafeOutput.of(out != null ? "--out" : "the default output", file, force).notOnto("--model", model)
                .notOnto("--plan", planFile).notOntoData(CliData.spec(dataset));
        output.check();
        CompressionPlan plan = CliModels.plan(planFile);
        DataSplits raw = CliData.load(dataset);
        var bound = CliData.bind(CliModels.load(model, raw.name()), raw, model);
        Model net = bound.network();
        DataSplits data = bound.data();
        CliModels.checkPlan(plan, NetworkSpecs.of(net));
        FinetuneRequest request = new FinetuneRequest(plan, m, limited,
                teacher ? FinetuneRequest.Distillation.of(0.5) : FinetuneRequest.Distillation.off(), FinetuneRequest.Calibration.TEACHER);

        double floatAcc = new Accuracy(data.test(), FastPlanScorer.DEFAULT_BATCH).of(QuantizedNetwork.of(net));
        double before = new FastPlanScorer(net, data.test(), data.train()).score(plan).accuracy();
        Finetuning.Result tuned;
        try (ProgressBarListener bar = new ProgressBarListener("finetune " + method, System.err)) {
            tuned = Finetuning.run(net, request, data, bar);
        }
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("model", model);
        source.put("dataset", CliData.spec(dataset).toString());
        source.put("datasetSha256", data.sha256());
        source.put("plan", planFile.toString());
        source.put("method", request.method());
        source.put("schedule", request.schedule());
        source.put("distillation", request.distillation());
        source.put("calibration", request.calibration());
        long bytes = output.write(f -> tuned.writeKw(source, f));
        double afterAcc = CliModels.accuracy(KwFile.read(file), data.test());
        print(floatAcc, before, afterAcc, bytes, net.numParams(), tuned.seconds(), file);
        return ExitCode.OK;
    }

    private String baseName() {
        String m = CliModels.isPacked(model) || model.endsWith(".zip") ? Path.of(model).getFileName().toString().replaceAll("\\.[a-z]+$", "") : model;
        return m + "-" + planFile.getFileName().toString().replaceAll("\\.json$", "");
    }

    private void print(double floatAcc, double before, double afterAcc, long bytes, long params, double seconds, Path file) {
        PrintWriter w = spec.commandLine().getOut();
        double ratio = 4.0 * params / bytes;
        if (json) {
            ObjectNode n = CliJson.MAPPER.createObjectNode();
            n.put("model", model).put("dataset", dataset).put("plan", planFile.toString()).put("method", method)
                    .put("epochs", epochs).put("teacher", teacher)
                    .put("floatTestAccuracy", floatAcc).put("planTestAccuracyBefore", before).put("planTestAccuracyAfter", afterAcc)
                    .put("kwBytes", bytes).put("floatBytes", 4 * params).put("compressionRatio", ratio)
                    .put("finetuneSeconds", seconds).put("out", file.toString());
            w.println(CliJson.write(n));
        } else {
            w.printf("fine-tuned %s into %s (%s, %d epochs%s) in %.1f s%n", model, planFile, method, epochs, teacher ? ", teacher" : "", seconds);
            w.printf("  test accuracy, float          %.2f%%%n", 100 * floatAcc);
            w.printf("  test accuracy, plan before    %.2f%%%n", 100 * before);
            w.printf("  test accuracy, plan after     %.2f%% (the packed file read back)%n", 100 * afterAcc);
            w.printf("  packed model                  %s: %,d bytes (float: %,d bytes, ratio %.1fx)%n", file, bytes, 4 * params, ratio);
        }
        w.flush();
    }
}
