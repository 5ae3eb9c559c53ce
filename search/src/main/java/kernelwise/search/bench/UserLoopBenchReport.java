package kernelwise.search.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kernelwise.models.AtomicWrite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The {@code bench userloop} table: per plan, both routes' test accuracy over the seeds and their per-seed difference. */
public final class UserLoopBenchReport {
    /** The goal: the user loop within this many points of {@code finetune --method qat}. */
    static final double GOAL_POINTS = 0.1;

    private UserLoopBenchReport() {
    }

    public static void write(Path dir, String name, UserLoopBench.Settings s, double floatAccuracy, List<UserLoopBench.Row> rows) throws IOException {
        Files.createDirectories(dir);
        AtomicWrite.writeString(dir.resolve(name + ".md"), markdown(s, floatAccuracy, rows));
        AtomicWrite.writeString(dir.resolve(name + ".json"), json(s, floatAccuracy, rows) + "\n");
    }

    /**
     * The rows of table {@code name} in {@code dir} made with {@code settings}; none if there is no table.
     *
     * @throws IllegalStateException if the table there was made with other settings
     */
    public static List<UserLoopBench.Row> rows(Path dir, String name, UserLoopBench.Settings settings) throws IOException {
        Path file = dir.resolve(name + ".json");
        if (!Files.isRegularFile(file)) return List.of();
        JsonNode root = SearchBenchReport.JSON.readTree(file.toFile());
        JsonNode stored = root.get("settings");
        if (stored == null || !stored.equals(SearchBenchReport.JSON.readTree(SearchBenchReport.JSON.writeValueAsString(settings)))) {
            throw new IllegalStateException(file + " was made with other settings (" + stored + "); give another --name or the same settings");
        }
        List<UserLoopBench.Row> rows = new ArrayList<>();
        for (JsonNode r : root.get("rows")) rows.add(SearchBenchReport.JSON.treeToValue(r, UserLoopBench.Row.class));
        return rows;
    }

    public static String json(UserLoopBench.Settings s, double floatAccuracy, List<UserLoopBench.Row> rows) throws IOException {
        ObjectNode root = SearchBenchReport.JSON.createObjectNode();
        root.set("settings", SearchBenchReport.JSON.valueToTree(s));
        root.put("floatTestAccuracy", floatAccuracy);
        ArrayNode summary = root.putArray("summary");
        for (String plan : s.plans().keySet()) {
            Diff d = Diff.of(plan, rows);
            if (d != null) summary.add(SearchBenchReport.JSON.valueToTree(d));
        }
        ArrayNode table = root.putArray("rows");
        for (UserLoopBench.Row r : rows) table.add(SearchBenchReport.JSON.valueToTree(r));
        return SearchBenchReport.JSON.writeValueAsString(root);
    }

    /**
     * One plan's summary: each route's mean and sd of test accuracy, the per-seed difference attach - finetune, and
     * whether the user loop reaches {@code finetune}'s accuracy within {@link #GOAL_POINTS} (its mean difference is at least -0.1 pt).
     */
    record Diff(String plan, int seeds, double finetuneMean, double finetuneSd, double attachMean, double attachSd,
                double meanDifference, double differenceSe, double maxAbsDifference, boolean withinGoal) {

        static Diff of(String plan, List<UserLoopBench.Row> rows) {
            List<Double> f = new ArrayList<>(), a = new ArrayList<>(), d = new ArrayList<>();
            for (UserLoopBench.Row r : rows) {
                if (!r.plan().equals(plan) || !r.route().equals(UserLoopBench.FINETUNE)) continue;
                rows.stream().filter(o -> o.plan().equals(plan) && o.seed() == r.seed() && o.route().equals(UserLoopBench.ATTACH)).findFirst().ifPresent(o -> {
                    f.add(r.testAccuracy());
                    a.add(o.testAccuracy());
                    d.add(o.testAccuracy() - r.testAccuracy());
                });
            }
            if (d.isEmpty()) return null;
            double maxAbs = d.stream().mapToDouble(Math::abs).max().orElseThrow();
            return new Diff(plan, d.size(), mean(f), sd(f), mean(a), sd(a), mean(d), sd(d) / Math.sqrt(d.size()), maxAbs,
                    mean(d) >= -GOAL_POINTS / 100);
        }
    }

    static String markdown(UserLoopBench.Settings s, double floatAccuracy, List<UserLoopBench.Row> rows) {
        FinetuneRecipe f = s.recipe();
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "# bench userloop: a plan in the user's own fit loop vs `finetune --method qat`, %s on %s%n%n", s.model(), s.dataset()));
        b.append(String.format(Locale.ROOT, "Float network: %.2f%% test accuracy. Both routes train a copy of it into the same plan for %d epochs on the"
                        + " same minibatches (the first %,d training images, batch %d, shuffled by the row's seed), Adam from %.0e decaying"
                        + " geometrically to a tenth of it at the last epoch, no teacher, activation ranges calibrated on the float network."
                        + " `finetune` is Kernelwise's loop (`qat`: hard projection, then masked quantization-aware retraining);"
                        + " `attach` is `PlanAttachment.attach` and the network's own `fit(iterator)` once per epoch. Accuracy is that of"
                        + " each route's `.kw` file read back, on the %,d test images.%n%n",
                100 * floatAccuracy, s.epochs(), f.trainImages(), f.batch(), f.learningRate(),
                s.testImages()));
        b.append("Reproduce: `").append(command(s)).append("`.\n\n");
        b.append("| plan | seeds | finetune --method qat | attach + user fit | difference (attach - finetune) | largest per-seed difference | attach reaches finetune within 0.1 pt |\n");
        b.append("|---|---:|---:|---:|---:|---:|---|\n");
        for (String plan : s.plans().keySet()) {
            Diff d = Diff.of(plan, rows);
            if (d == null) continue;
            b.append(String.format(Locale.ROOT, "| %s | %d | %.2f%% ± %.2f | %.2f%% ± %.2f | %+.2f pt ± %.2f | %.2f pt | %s |%n", plan, d.seeds(),
                    100 * d.finetuneMean(), 100 * d.finetuneSd(), 100 * d.attachMean(), 100 * d.attachSd(), 100 * d.meanDifference(),
                    100 * d.differenceSe(), 100 * d.maxAbsDifference(), d.withinGoal() ? "yes" : "no"));
        }
        b.append("\nAccuracies: mean ± standard deviation over the seeds; difference: mean of the per-seed differences ± its standard error."
                + " One test image is 0.01 pt.\n\n");
        b.append("| plan | seed | route | test accuracy | .kw bytes | training s |\n|---|---:|---|---:|---:|---:|\n");
        for (UserLoopBench.Row r : rows) {
            b.append(String.format(Locale.ROOT, "| %s | %d | %s | %.2f%% | %,d | %.0f |%n", r.plan(), r.seed(), r.route(), 100 * r.testAccuracy(),
                    r.kwBytes(), r.seconds()));
        }
        return b.toString();
    }

    /** The command line that makes this table. */
    static String command(UserLoopBench.Settings s) {
        FinetuneRecipe f = s.recipe();
        return String.format(Locale.ROOT, "./kernelwise bench userloop --model %s --dataset %s %s --seeds %s --epochs %d --retrain-epochs %d"
                        + " --train-images %d --lr %s --batch %d", s.model(), s.dataset(),
                s.plans().values().stream().map(p -> "--plan " + p).collect(Collectors.joining(" ")),
                s.seeds().stream().map(String::valueOf).collect(Collectors.joining(",")), f.epochs(), f.retrainEpochs(), f.trainImages(),
                f.learningRate(), f.batch());
    }

    private static double mean(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    private static double sd(List<Double> v) {
        if (v.size() < 2) return Double.NaN;
        double m = mean(v);
        return Math.sqrt(v.stream().mapToDouble(x -> (x - m) * (x - m)).sum() / (v.size() - 1));
    }
}
