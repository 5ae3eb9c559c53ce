package kernelwise.search.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The {@code bench search} table: a summary per contender, the rows per seed, as Markdown and JSON. */
public final class SearchBenchReport {
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SearchBenchReport() {
    }

    /** Mean, standard deviation (n - 1) and count of one contender's test accuracies. */
    record Summary(String contender, int n, double mean, double sd, double searchAccuracy, double relativeCost, double kwBytes,
                   double plansScored, double searchSeconds) {

        static Summary of(String contender, List<SearchBench.Row> rows) {
            int n = rows.size();
            double mean = rows.stream().mapToDouble(SearchBench.Row::testAccuracy).average().orElse(Double.NaN);
            double ss = rows.stream().mapToDouble(r -> (r.testAccuracy() - mean) * (r.testAccuracy() - mean)).sum();
            return new Summary(contender, n, mean, n > 1 ? Math.sqrt(ss / (n - 1)) : Double.NaN,
                    rows.stream().mapToDouble(SearchBench.Row::searchAccuracy).average().orElse(Double.NaN),
                    rows.stream().mapToDouble(SearchBench.Row::relativeCost).average().orElse(Double.NaN),
                    rows.stream().mapToDouble(SearchBench.Row::kwBytes).average().orElse(Double.NaN),
                    rows.stream().mapToDouble(SearchBench.Row::plansScored).average().orElse(Double.NaN),
                    rows.stream().mapToDouble(SearchBench.Row::searchSeconds).average().orElse(Double.NaN));
        }

        /** Standard error of the mean (NaN for one row). */
        double se() {
            return sd / Math.sqrt(n);
        }
    }

    static List<Summary> summaries(SearchBench.Settings s, List<SearchBench.Row> rows) {
        List<Summary> out = new ArrayList<>();
        for (String c : s.contenders()) {
            List<SearchBench.Row> mine = rows.stream().filter(r -> r.contender().equals(c)).toList();
            if (!mine.isEmpty()) out.add(Summary.of(c, mine));
        }
        return out;
    }

    static void write(Path dir, String name, SearchBench.Settings s, double floatAccuracy, List<SearchBench.Row> rows) throws IOException {
        Files.createDirectories(dir);
        kernelwise.models.AtomicWrite.writeString(dir.resolve(name + ".md"), markdown(s, floatAccuracy, rows));
        kernelwise.models.AtomicWrite.writeString(dir.resolve(name + ".json"), json(s, floatAccuracy, rows) + "\n");
    }

    /**
     * The rows of table {@code name} in {@code dir} made with {@code settings}; none if there is no table.
     *
     * @throws IllegalStateException if the table there was made with other settings or cannot be read
     */
    static List<SearchBench.Row> rows(Path dir, String name, SearchBench.Settings settings) throws IOException {
        Path file = dir.resolve(name + ".json");
        if (!Files.isRegularFile(file)) return List.of();
        JsonNode root = JSON.readTree(file.toFile());
        JsonNode stored = root.get("settings");
        if (stored == null || !stored.equals(JSON.readTree(JSON.writeValueAsString(settings)))) {   // as read back: numbers typed as parsed
            throw new IllegalStateException(file + " was made with other settings (" + stored + "); give another --name or the same settings");
        }
        List<SearchBench.Row> rows = new ArrayList<>();
        for (JsonNode r : root.get("rows")) rows.add(JSON.treeToValue(r, SearchBench.Row.class));
        return rows;
    }

    static String json(SearchBench.Settings s, double floatAccuracy, List<SearchBench.Row> rows) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.set("settings", JSON.valueToTree(s));
        root.put("floatTestAccuracy", floatAccuracy);
        root.set("summary", JSON.valueToTree(summaries(s, rows)));
        ArrayNode table = root.putArray("rows");
        for (SearchBench.Row r : rows) table.add(JSON.valueToTree(r));
        return JSON.writeValueAsString(root);
    }

    static String markdown(SearchBench.Settings s, double floatAccuracy, List<SearchBench.Row> rows) {
        StringBuilder b = new StringBuilder();
        FinetuneRecipe f = s.recipe();
        b.append(String.format(Locale.ROOT, "# bench search: %s on %s, %s %s%n%n", s.model(), s.dataset(), s.hardware(), s.budget()));
        b.append(String.format(Locale.ROOT, "Float network: %.2f%% test accuracy. Each search plays %d episodes and scores its plans on the first"
                        + " %,d search-validation images%s; the heuristics choose their bit widths by the same score. Every contender's plan meets"
                        + " the budget and goes through the same fine-tuning: %s, %d + %d epochs on the first %,d training images, Adam %.0e,"
                        + " batch %d, seeded with the row's seed; accuracy is that of the `.kw` file read back, on the 10,000 test images.%n%n",
                100 * floatAccuracy, s.episodes(), s.evalImages(),
                s.recovery() == kernelwise.models.compress.Recovery.NONE ? "" : " after the recovery step " + s.recovery() + " (" + s.recoverySamples() + " training images)",
                f.method(), f.epochs(), f.retrainEpochs(), f.trainImages(), f.learningRate(), f.batch()));
        b.append("Reproduce: `").append(command(s)).append("`").append(new kernelwise.agents.AgentConfig().equals(s.agentConfig()) ? ""
                : " with `--agent-config FILE` holding the agent configuration in the JSON's settings").append(".\n\n");
        b.append("| contender | seeds | test acc. after fine-tuning | search-time score | relative cost | .kw bytes | plans scored | search s |\n");
        b.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Summary m : summaries(s, rows)) {
            b.append(String.format(Locale.ROOT, "| %s | %d | %.2f%% %s | %.2f%% | %.3f | %,.0f | %.0f | %.0f |%n", m.contender(), m.n(), 100 * m.mean(),
                    m.n() > 1 ? String.format(Locale.ROOT, "± %.2f", 100 * m.sd()) : "(one plan)", 100 * m.searchAccuracy(), m.relativeCost(),
                    m.kwBytes(), m.plansScored(), m.searchSeconds()));
        }
        b.append("\nTest accuracy: mean ± standard deviation over the seeds (each seed a search and a fine-tuning). One test image is 0.01 pt;"
                + " a single accuracy near 98% on 10,000 images has a binomial standard error of about 0.14 pt; two contenders differ beyond"
                + " the seeds' noise when their means are more than twice the standard error of their difference apart.\n");
        b.append(comparisons(s, rows));
        b.append("\n| contender | seed | search-time score | relative cost | test acc. projected | test acc. fine-tuned | .kw bytes | size bits | plans | search s | fine-tune s |\n");
        b.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (SearchBench.Row r : rows) {
            b.append(String.format(Locale.ROOT, "| %s | %d | %.2f%% | %.3f | %.2f%% | %.2f%% | %,d | %,d | %d | %.0f | %.0f |%n", r.contender(), r.seed(),
                    100 * r.searchAccuracy(), r.relativeCost(), 100 * r.projectedAccuracy(), 100 * r.testAccuracy(), r.kwBytes(), r.storageBits(),
                    r.plansScored(), r.searchSeconds(), r.finetuneSeconds()));
        }
        return b.toString();
    }

    /** The command line that makes this table (its rows resume from the table's store). */
    static String command(SearchBench.Settings s) {
        FinetuneRecipe f = s.recipe();
        return String.format(Locale.ROOT, "./kernelwise bench search --model %s --dataset %s --hardware %s --budget %s --contenders %s --seeds %s"
                        + " --episodes %d --eval-images %d --recovery %s --recovery-images %d --method %s --epochs %d --retrain-epochs %d"
                        + " --train-images %d --lr %s --batch %d", s.model(), s.dataset(), s.hardware(), s.budget(), String.join(",", s.contenders()),
                s.seeds().stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(",")), s.episodes(), s.evalImages(),
                s.recovery().name().toLowerCase(Locale.ROOT), s.recoverySamples(), f.method(), f.epochs(), f.retrainEpochs(), f.trainImages(),
                f.learningRate(), f.batch());
    }

    /** Each contender against random search and against the best heuristic: the difference of means and whether it exceeds 2 SE. */
    private static String comparisons(SearchBench.Settings s, List<SearchBench.Row> rows) {
        List<Summary> all = summaries(s, rows);
        Summary random = all.stream().filter(m -> m.contender().equals("random")).findFirst().orElse(null);
        Summary heuristic = all.stream().filter(m -> SearchBench.HEURISTICS.contains(m.contender()))
                .max(java.util.Comparator.comparingDouble(Summary::mean)).orElse(null);
        StringBuilder b = new StringBuilder();
        for (Summary m : all) {
            if (SearchBench.HEURISTICS.contains(m.contender())) continue;
            if (random != null && m != random) b.append(line(m, random));
            if (heuristic != null) b.append(line(m, heuristic));
        }
        return b.length() == 0 ? "" : "\n" + b;
    }

    private static String line(Summary a, Summary b) {
        double d = a.mean() - b.mean();
        double se = Double.isNaN(a.se()) && Double.isNaN(b.se()) ? Double.NaN : Math.sqrt(square(a.se()) + square(b.se()));
        String verdict = Double.isNaN(se) ? "standard error unknown (one row)" : Math.abs(d) > 2 * se
                ? (d > 0 ? "better, beyond 2 SE" : "worse, beyond 2 SE") : "within 2 SE";
        return String.format(Locale.ROOT, "- %s vs %s: %+.2f pt (SE %.2f pt): %s%n", a.contender(), b.contender(), 100 * d, 100 * se, verdict);
    }

    private static double square(double x) {
        return Double.isNaN(x) ? 0 : x * x;
    }
}
