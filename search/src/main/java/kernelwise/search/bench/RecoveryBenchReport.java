package kernelwise.search.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kernelwise.models.compress.Recovery;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The {@code bench recovery} table: per recovery option, the rank correlation of its score with the fine-tuned accuracy. */
public final class RecoveryBenchReport {

    private RecoveryBenchReport() {
    }

    /**
     * One option's figures.
     *
     * @param spearman       rank correlation over all plans
     * @param withinBudget   mean of the rank correlations within each budget (budgets with at least 3 plans)
     * @param secondsPerPlan mean wall time of scoring one plan
     */
    record Correlation(String recovery, double spearman, double withinBudget, double secondsPerPlan) {
    }

    static List<Correlation> correlations(List<RecoveryBench.Row> rows) {
        List<Correlation> out = new ArrayList<>();
        if (rows.size() < 2) return out;
        double[] test = rows.stream().mapToDouble(RecoveryBench.Row::testAccuracy).toArray();
        for (Recovery r : Recovery.values()) {
            double[] score = rows.stream().mapToDouble(x -> x.scores().get(r.name())).toArray();
            Map<String, List<RecoveryBench.Row>> byBudget = new LinkedHashMap<>();
            for (RecoveryBench.Row x : rows) byBudget.computeIfAbsent(x.budget(), k -> new ArrayList<>()).add(x);
            double within = byBudget.values().stream().filter(l -> l.size() >= 3).mapToDouble(l -> Spearman.of(
                    l.stream().mapToDouble(x -> x.scores().get(r.name())).toArray(), l.stream().mapToDouble(RecoveryBench.Row::testAccuracy).toArray()))
                    .filter(v -> !Double.isNaN(v)).average().orElse(Double.NaN);
            out.add(new Correlation(r.name().toLowerCase(Locale.ROOT), Spearman.of(score, test), within,
                    rows.stream().mapToDouble(x -> x.seconds().get(r.name())).average().orElse(Double.NaN)));
        }
        return out;
    }

    static void write(Path dir, String name, RecoveryBench.Settings s, List<RecoveryBench.Row> rows) throws IOException {
        Files.createDirectories(dir);
        kernelwise.models.AtomicWrite.writeString(dir.resolve(name + ".md"), markdown(s, rows));
        ObjectNode root = SearchBenchReport.JSON.createObjectNode();
        root.set("settings", SearchBenchReport.JSON.valueToTree(s));
        root.set("correlations", SearchBenchReport.JSON.valueToTree(correlations(rows)));
        ArrayNode table = root.putArray("rows");
        for (RecoveryBench.Row r : rows) table.add(SearchBenchReport.JSON.valueToTree(r));
        kernelwise.models.AtomicWrite.writeString(dir.resolve(name + ".json"), SearchBenchReport.JSON.writeValueAsString(root) + "\n");
    }

    /** The rows of table {@code name} made with {@code settings}; none if there is none. */
    static List<RecoveryBench.Row> rows(Path dir, String name, RecoveryBench.Settings settings) throws IOException {
        Path file = dir.resolve(name + ".json");
        if (!Files.isRegularFile(file)) return List.of();
        JsonNode root = SearchBenchReport.JSON.readTree(file.toFile());
        if (root.get("settings") == null || !root.get("settings").equals(SearchBenchReport.JSON.readTree(SearchBenchReport.JSON.writeValueAsString(settings)))) {
            throw new IllegalStateException(file + " was made with other settings (" + root.get("settings") + "); give another --name or the same settings");
        }
        List<RecoveryBench.Row> rows = new ArrayList<>();
        for (JsonNode r : root.get("rows")) rows.add(SearchBenchReport.JSON.treeToValue(r, RecoveryBench.Row.class));
        return rows;
    }

    static String markdown(RecoveryBench.Settings s, List<RecoveryBench.Row> rows) {
        StringBuilder b = new StringBuilder();
        FinetuneRecipe f = s.recipe();
        b.append(String.format(Locale.ROOT, "# bench recovery: %s on %s, %s, budgets %s%n%n", s.model(), s.dataset(), s.hardware(), String.join(", ", s.budgets())));
        b.append(String.format(Locale.ROOT, "%d plans: per budget %d of the random agent, the global magnitude plan and %d jittered variants of it,"
                        + " all fitting the budget. Each is scored on the first %,d search-validation images after each recovery step (fit on %d"
                        + " training images), and fine-tuned by %s, %d + %d epochs on %,d training images, seed %d (test accuracy of the .kw read back,"
                        + " 10,000 test images).%n%n",
                rows.size(), s.randomPlans(), s.jitteredPlans(), s.evalImages(), s.recoverySamples(), f.method(), f.epochs(), f.retrainEpochs(),
                f.trainImages(), f.seed()));
        b.append(String.format(Locale.ROOT, "Reproduce: `./kernelwise bench recovery --model %s --dataset %s --hardware %s --budgets %s --random-plans %d"
                        + " --jittered-plans %d --seed %d --eval-images %d --recovery-images %d --method %s --epochs %d --retrain-epochs %d --train-images %d"
                        + " --lr %s --batch %d`.%n%n",
                s.model(), s.dataset(), s.hardware(), String.join(",", s.budgets()), s.randomPlans(), s.jitteredPlans(), s.seed(), s.evalImages(),
                s.recoverySamples(), f.method(), f.epochs(), f.retrainEpochs(), f.trainImages(), f.learningRate(), f.batch()));
        b.append("| recovery | Spearman, all plans | mean Spearman within a budget | seconds to score a plan |\n|---|---:|---:|---:|\n");
        for (Correlation c : correlations(rows)) {
            b.append(String.format(Locale.ROOT, "| %s | %.3f | %.3f | %.2f |%n", c.recovery(), c.spearman(), c.withinBudget(), c.secondsPerPlan()));
        }
        b.append("\n| budget | plan | test acc. fine-tuned | .kw bytes |");
        for (Recovery r : Recovery.values()) b.append(" score ").append(r.name().toLowerCase(Locale.ROOT)).append(" |");
        b.append("\n|---|---|---:|---:|").append("---:|".repeat(Recovery.values().length)).append('\n');
        for (RecoveryBench.Row r : rows) {
            b.append(String.format(Locale.ROOT, "| %s | %s | %.2f%% | %,d |", r.budget(), r.source(), 100 * r.testAccuracy(), r.kwBytes()));
            for (Recovery x : Recovery.values()) b.append(String.format(Locale.ROOT, " %.2f%% |", 100 * r.scores().get(x.name())));
            b.append('\n');
        }
        return b.toString();
    }
}
