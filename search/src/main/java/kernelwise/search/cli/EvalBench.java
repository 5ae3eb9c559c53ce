package kernelwise.search.cli;

import kernelwise.models.compress.FastPlanScorer;
import kernelwise.models.compress.PlanScore;
import kernelwise.models.plan.CompressionPlan;
import kernelwise.models.plan.LayerInfo;
import kernelwise.models.plan.NetworkSpec;
import kernelwise.models.zoo.Models;
import org.deeplearning4j.nn.api.Model;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * Measures plan-scoring throughput against the GEMM rate ND4J reaches on the same machine in the same run.
 * <p>
 * Figures: images/s of {@link FastPlanScorer#score} (projection of every kernel, activation quantization and the
 * forward pass over the whole split), the GFLOP/s that represents (dense FLOPs of the network, 2 per MAC), and two
 * GEMM references measured right after: the <em>matched</em> GEMMs (one {@code mmul} per compressible layer with
 * that layer's im2col shape {@code [batch*outH*outW, fanIn] x [fanIn, kernels]} at the scorer's batch size, i.e.
 * exactly the multiply work of a forward pass) and a single square-ish {@code mmul} of the largest layer's size.
 * The ratio to the matched GEMMs is the headline figure: it says how much of the forward pass's time is spent
 * outside matrix multiplication. DL4J's {@code output()} on the same split is timed as the baseline.
 * Each measure is also taken in process CPU time (all threads, from the OS): with other processes on the cores,
 * wall-time ratios swing with their load, CPU-time ratios much less.
 */
public final class EvalBench {
    private static final Logger log = LoggerFactory.getLogger(EvalBench.class);

    /**
     * @param images             images scored per pass
     * @param repeats            timed passes (best one reported)
     * @param batchSize          images per forward batch
     * @param scoreSeconds       best wall time of one {@code score(plan)} over the split
     * @param dl4jSeconds        best wall time of DL4J {@code output()} over the split (batches of the same size)
     * @param flopsPerImage      dense FLOPs per image of the compressible layers (2 per MAC)
     * @param matchedGemmSeconds best wall time of the matched GEMMs for the whole split
     * @param squareGemmGflops   GFLOP/s of one large mmul of the largest layer's shape
     * @param accuracy           the plan's accuracy on the split
     */
    public record Result(String model, String plan, int images, int repeats, int batchSize, double scoreSeconds, double dl4jSeconds,
                         long flopsPerImage, double matchedGemmSeconds, double squareGemmGflops, double accuracy,
                         double scoreCpuSeconds, double dl4jCpuSeconds, double matchedGemmCpuSeconds,
                         double medianRatio, double medianCpuRatio) {
        public double imagesPerSecond() {
            return images / scoreSeconds;
        }

        public double achievedGflops() {
            return flopsPerImage * (double) images / scoreSeconds / 1e9;
        }

        public double matchedGemmGflops() {
            return flopsPerImage * (double) images / matchedGemmSeconds / 1e9;
        }

        /** The headline: median over the rounds of (matched GEMM time / scoring time), wall clock. */
        public double ratio() {
            return medianRatio;
        }

        public double ratioToSquareGemm() {
            return achievedGflops() / squareGemmGflops;
        }

        /** The ratio on process CPU time instead of wall time: robust to other processes sharing the cores. */
        public double cpuRatio() {
            return medianCpuRatio;
        }

        public double dl4jCpuRatio() {
            return matchedGemmCpuSeconds / dl4jCpuSeconds;
        }

        public double dl4jRatio() {
            return flopsPerImage * (double) images / dl4jSeconds / 1e9 / matchedGemmGflops();
        }
    }

    private EvalBench() {
    }

    /**
     * Runs the benchmark of {@code model} scoring {@code plan} on {@code eval} ({@code calibration} for ranges).
     * Scoring and the matched GEMMs are timed in alternation, {@code repeats} rounds: other processes on the
     * cores change their speed from second to second, so each round's ratio compares like with like; the
     * ratios reported are the medians over the rounds, the times the best.
     */
    public static Result run(String name, Model model, DataSet eval, DataSet calibration, CompressionPlan plan, int batchSize, int repeats) {
        FastPlanScorer scorer = new FastPlanScorer(model, eval, FastPlanScorer.calibrate(model, calibration), batchSize);
        NetworkSpec spec = scorer.spec();
        PlanScore warm = scorer.score(plan);
        List<INDArray[]> gemms = gemms(spec, batchSize);
        int batches = (eval.numExamples() + batchSize - 1) / batchSize;
        double gemmScale = eval.numExamples() / ((double) batches * batchSize);
        runGemms(gemms, batches);
        double[] score = new double[repeats], scoreCpu = new double[repeats], gemm = new double[repeats], gemmCpu = new double[repeats];
        for (int r = 0; r < repeats; r++) {
            long cpu = cpuNanos();
            score[r] = scorer.score(plan).seconds();
            scoreCpu[r] = (cpuNanos() - cpu) / 1e9;
            long t = System.nanoTime();
            cpu = cpuNanos();
            runGemms(gemms, batches);
            gemm[r] = (System.nanoTime() - t) / 1e9 * gemmScale;
            gemmCpu[r] = (cpuNanos() - cpu) / 1e9 * gemmScale;
        }
        double[] dl4j = dl4jSeconds(model, eval, batchSize, repeats);
        double square = squareGemmGflops(spec, batchSize, repeats);
        long flops = 2 * spec.totalMacs();
        double[] ratios = new double[repeats], cpuRatios = new double[repeats];
        for (int r = 0; r < repeats; r++) {
            ratios[r] = gemm[r] / score[r];
            cpuRatios[r] = gemmCpu[r] / scoreCpu[r];
        }
        log.info("rounds: score {} s, matched gemm {} s, ratios {}", java.util.Arrays.toString(score), java.util.Arrays.toString(gemm), java.util.Arrays.toString(ratios));
        return new Result(name, describe(plan), eval.numExamples(), repeats, batchSize, min(score), dl4j[0], flops, min(gemm), square,
                warm.accuracy(), min(scoreCpu), dl4j[1], min(gemmCpu), median(ratios), median(cpuRatios));
    }

    private static double min(double[] v) {
        return java.util.Arrays.stream(v).min().orElse(Double.NaN);
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        java.util.Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static String describe(CompressionPlan plan) {
        double w = plan.layers().stream().mapToDouble(l -> l.meanWeightBits()).average().orElse(0);
        double a = plan.layers().stream().mapToInt(l -> l.activationBits()).average().orElse(0);
        double s = plan.layers().stream().mapToDouble(l -> l.meanSparsity()).average().orElse(0);
        return String.format("mean over layers: weights %.1f bits, activations %.1f bits, sparsity %.2f", w, a, s);
    }

    /** Process CPU time of all threads, from the OS (ND4J's native threads included). */
    static long cpuNanos() {
        var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0L;
    }

    /** Best {wall, cpu} seconds of DL4J output() over the split. */
    private static double[] dl4jSeconds(Model model, DataSet eval, int batchSize, int repeats) {
        int n = eval.numExamples();
        double best = Double.MAX_VALUE, bestCpu = Double.MAX_VALUE;
        for (int r = 0; r <= Math.min(repeats, 2); r++) {
            long t = System.nanoTime(), cpu = cpuNanos();
            for (int from = 0; from < n; from += batchSize) {
                Models.output(model, eval.getFeatures().get(NDArrayIndex.interval(from, Math.min(n, from + batchSize)), NDArrayIndex.all()));
            }
            if (r > 0) {
                best = Math.min(best, (System.nanoTime() - t) / 1e9);
                bestCpu = Math.min(bestCpu, (cpuNanos() - cpu) / 1e9);
            }
        }
        return new double[]{best, bestCpu};
    }

    /** One GEMM per compressible layer with that layer's im2col shape at {@code batchSize}: {A, B, C}. */
    private static List<INDArray[]> gemms(NetworkSpec spec, int batchSize) {
        List<INDArray[]> gemms = new ArrayList<>();
        for (LayerInfo l : spec.layers()) {
            long rows = (long) batchSize * l.outputPositions();
            gemms.add(new INDArray[]{Nd4j.rand(DataType.FLOAT, rows, l.fanIn()), Nd4j.rand(DataType.FLOAT, l.fanIn(), l.kernels()),
                    Nd4j.createUninitialized(DataType.FLOAT, rows, l.kernels())});
        }
        return gemms;
    }

    private static void runGemms(List<INDArray[]> gemms, int batches) {
        for (int b = 0; b < batches; b++) for (INDArray[] g : gemms) g[0].mmul(g[1], g[2]);
    }

    private static double squareGemmGflops(NetworkSpec spec, int batchSize, int repeats) {
        LayerInfo big = spec.layers().stream().max(java.util.Comparator.comparingLong(LayerInfo::macs)).orElseThrow();
        int m = 1024, k = Math.max(big.fanIn(), 256), n = Math.max(big.kernels(), 256);
        INDArray a = Nd4j.rand(DataType.FLOAT, m, k), b = Nd4j.rand(DataType.FLOAT, k, n), c = Nd4j.createUninitialized(DataType.FLOAT, m, n);
        double best = Double.MAX_VALUE;
        for (int r = 0; r <= repeats * 3; r++) {
            long t = System.nanoTime();
            a.mmul(b, c);
            if (r > 0) best = Math.min(best, (System.nanoTime() - t) / 1e9);
        }
        return 2.0 * m * k * n / best / 1e9;
    }
}
