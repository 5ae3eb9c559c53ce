package kernelwise.search.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import kernelwise.models.Folders;
import kernelwise.models.compress.NetworkSpecs;
import kernelwise.models.data.DataSplits;
import kernelwise.models.plan.CompressionPlan;
import kernelwise.models.train.ModelStore;
import kernelwise.models.zoo.ModelZoo;
import org.deeplearning4j.nn.api.Model;
import org.nd4j.linalg.factory.Nd4j;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;

/** {@code kernelwise bench eval}: plan-scoring throughput on LeNet-5 against the GEMM rate of the same run. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Plan-scoring throughput of LeNet-5 over the 5,000 search-validation images (4-bit weights, 8-bit",
                "activations, 50%% sparsity), as a ratio to the GEMM rate ND4J reaches in the same run.",
                "Writes eval.json and eval.md to --out (default results/bench)."})
public final class BenchEvalCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--batch", paramLabel = "N", defaultValue = "250", description = "images per forward batch (default: ${DEFAULT-VALUE})")
    int batch;

    @Option(names = "--repeats", paramLabel = "N", defaultValue = "5", description = "rounds; scoring and the matched GEMMs alternate, ratios are medians over rounds (default: ${DEFAULT-VALUE})")
    int repeats;

    @Option(names = "--json", description = "print one JSON object")
    boolean json;

    @Option(names = "--out", paramLabel = "DIR", description = "output folder (default: results/bench)")
    Path out;

    @Override
    public Integer call() throws Exception {
        Path dir = BenchOptions.checkedDir(out);
        if (batch <= 0 || repeats <= 0) throw CliException.usage("--batch and --repeats must be positive, found " + batch + " and " + repeats);
        DataSplits data = CliData.load("mnist");
        ModelStore store = ModelStore.inResults(Folders.results());
        boolean trained = Files.isRegularFile(store.zipOf("lenet5", "mnist"));
        Model net = trained ? store.load("lenet5", "mnist").network() : ModelZoo.create("lenet5", 42);
        CompressionPlan plan = CompressionPlan.uniform(NetworkSpecs.of(net), 4, 8, 0.5);
        EvalBench.Result r = EvalBench.run("lenet5", net, data.validation(), data.train(), plan, batch, repeats);
        ObjectNode n = CliJson.MAPPER.valueToTree(r);
        n.put("trainedModel", trained).put("imagesPerSecond", r.imagesPerSecond()).put("achievedGflops", r.achievedGflops())
                .put("matchedGemmGflops", r.matchedGemmGflops()).put("ratio", r.ratio()).put("ratioToSquareGemm", r.ratioToSquareGemm())
                .put("dl4jImagesPerSecond", r.images() / r.dl4jSeconds()).put("dl4jRatio", r.dl4jRatio())
                .put("cpuRatio", r.cpuRatio()).put("dl4jCpuRatio", r.dl4jCpuRatio())
                .put("ompThreads", Nd4j.getEnvironment().maxMasterThreads()).put("cores", Runtime.getRuntime().availableProcessors())
                .put("loadAverage", java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage())
                .put("time", Instant.now().toString());
        Files.createDirectories(dir);
        kernelwise.models.AtomicWrite.writeString(dir.resolve("eval.json"), CliJson.write(n));
        kernelwise.models.AtomicWrite.writeString(dir.resolve("eval.md"), markdown(r, trained, n.get("loadAverage").asDouble()));
        PrintWriter w = spec.commandLine().getOut();
        if (json) {
            w.println(CliJson.write(n));
        } else {
            w.printf("bench eval, LeNet-5 (%s), %,d validation images, batch %d:%n", trained ? "trained" : "untrained", r.images(), r.batchSize());
            w.printf("  scoring       %,.0f images/s, %.2f GFLOP/s (accuracy %.2f%%)%n", r.imagesPerSecond(), r.achievedGflops(), 100 * r.accuracy());
            w.printf("  matched GEMMs %.2f GFLOP/s   ratio %.2f%n", r.matchedGemmGflops(), r.ratio());
            w.printf("  square GEMM   %.2f GFLOP/s   ratio %.2f%n", r.squareGemmGflops(), r.ratioToSquareGemm());
            w.printf("  DL4J output() %,.0f images/s   ratio %.2f%n", r.images() / r.dl4jSeconds(), r.dl4jRatio());
            w.printf("  on CPU time:  scoring ratio %.2f, DL4J ratio %.2f%n", r.cpuRatio(), r.dl4jCpuRatio());
            w.printf("  written to %s/eval.json and eval.md%n", dir);
        }
        w.flush();
        return ExitCode.OK;
    }

    private static String markdown(EvalBench.Result r, boolean trained, double load) {
        return "# bench eval\n\n"
                + "LeNet-5 (" + (trained ? "trained" : "untrained, zoo seed 42") + "), plan: 4-bit weights, 8-bit activations, 50% sparsity; "
                + r.images() + " search-validation images in batches of " + r.batchSize() + ", best of " + r.repeats()
                + " rounds (scoring and the matched GEMMs timed alternately; ratios are medians over rounds, times the best); load average at the end " + String.format("%.1f", load) + ".\n\n"
                + "| measure | images/s | GFLOP/s | ratio to matched GEMMs |\n|---|---:|---:|---:|\n"
                + String.format("| FastPlanScorer.score (projection + quantized forward) | %,.0f | %.2f | %.2f |%n", r.imagesPerSecond(), r.achievedGflops(), r.ratio())
                + String.format("| DL4J output(), float | %,.0f | %.2f | %.2f |%n", r.images() / r.dl4jSeconds(), r.achievedGflops() * r.scoreSeconds() / r.dl4jSeconds(), r.dl4jRatio())
                + String.format("| matched GEMMs (one mmul per layer, im2col shape) | | %.2f | 1.00 |%n", r.matchedGemmGflops())
                + String.format("| square GEMM (1024 x max(fanIn,256) x max(kernels,256)) | | %.2f | |%n", r.squareGemmGflops())
                + String.format("%nRatio of scoring to the square GEMM: %.2f.%n", r.ratioToSquareGemm())
                + String.format("On process CPU time (less sensitive to other load, not immune): scoring %.2f, DL4J output() %.2f of the matched GEMMs.%n", r.cpuRatio(), r.dl4jCpuRatio());
    }
}
