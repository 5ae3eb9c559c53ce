package kernelwise.search.bench;

import kernelwise.agents.Agent;
import kernelwise.agents.AgentConfig;
import kernelwise.agents.baseline.RandomAgent;
import kernelwise.env.CompressionEnv;
import kernelwise.env.EpisodeResult;
import kernelwise.models.Folders;
import kernelwise.models.compress.FastPlanScorer;
import kernelwise.models.compress.KernelMagnitudes;
import kernelwise.models.compress.PlanScorer;
import kernelwise.models.compress.Recovery;
import kernelwise.models.data.DataSplits;
import kernelwise.models.data.Datasets;
import kernelwise.models.plan.CompressionPlan;
import kernelwise.models.plan.LayerInfo;
import kernelwise.models.plan.LayerPlan;
import kernelwise.models.plan.NetworkSpec;
import kernelwise.search.RunFactory;
import kernelwise.search.RunParts;
import kernelwise.search.SearchConfig;
import org.deeplearning4j.nn.api.Model;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Does the search-time score predict the accuracy after fine-tuning? Plans spread over several budgets (per budget:
 * episodes of the random agent, the global magnitude plan and jittered variants of it, all fitting the budget) each go
 * through the {@link FinetuneRecipe} and are scored by every {@link Recovery} option on the same search-validation
 * images; the table gives, per option, Spearman's rank correlation between the score and the test accuracy after
 * fine-tuning (over all plans, and the mean within one budget) and the scoring time per plan. Finished plans are kept
 * in the table and not trained again.
 */
public final class RecoveryBench {
    private static final Logger log = LoggerFactory.getLogger(RecoveryBench.class);

    /**
     * @param budgets        the budgets plans are made for (one hardware model)
     * @param randomPlans    random-agent plans per budget
     * @param jitteredPlans  jittered magnitude plans per budget
     */
    public record Settings(String model, String dataset, String hardware, List<String> budgets, int randomPlans, int jitteredPlans, long seed,
                           int evalImages, int recoverySamples, FinetuneRecipe recipe) {
        public Settings {
            budgets = List.copyOf(budgets);
            if (budgets.isEmpty()) throw new IllegalArgumentException("budgets must not be empty");
            if (randomPlans < 0 || jitteredPlans < 0) throw new IllegalArgumentException("plan counts must be >= 0, found " + randomPlans + ", " + jitteredPlans);
            if (evalImages <= 0) throw new IllegalArgumentException("eval images must be positive, found " + evalImages);
            if (recoverySamples <= 0) throw new IllegalArgumentException("recovery images must be positive, found " + recoverySamples);
        }
    }

    /**
     * One plan.
     *
     * @param scores   per recovery option (by name), the plan's search-validation accuracy after that step
     * @param seconds  per recovery option, the wall time of scoring the plan
     */
    public record Row(String budget, String source, CompressionPlan plan, double testAccuracy, long kwBytes, Map<String, Double> scores,
                      Map<String, Double> seconds) {
    }

    private final Settings settings;
    private final Path dir;
    private final String name;
    private final RunFactory runs;

    public RecoveryBench(Settings settings, Path dir, String name, RunFactory runs) {
        this.settings = settings;
        this.dir = dir;
        this.name = name;
        this.runs = runs;
    }

    /** Makes the plans, fine-tunes those not in the table yet, scores all under every option; writes the table. */
    public List<Row> run(java.util.function.Consumer<Row> progress) throws Exception {
        List<Row> done = RecoveryBenchReport.rows(dir, name, settings);
        DataSplits data = Datasets.load(kernelwise.models.data.DataSpec.parse(settings.dataset()), Folders.data());
        Model network = kernelwise.search.ZooRunFactory.network(settings.model(), data);
        Map<Recovery, PlanScorer> scorers = scorers(network, data);
        Files.createDirectories(dir.resolve(name + "-plans"));
        List<Row> rows = new ArrayList<>();
        for (String budget : settings.budgets()) {
            List<Made> plans = plans(budget, network);
            for (int i = 0; i < plans.size(); i++) {
                Made m = plans.get(i);
                Row kept = done.stream().filter(r -> r.budget().equals(budget) && r.plan().equals(m.plan())).findFirst().orElse(null);
                Row row = kept != null ? kept : measure(budget, m, i, network, data, scorers);
                rows.add(row);
                progress.accept(row);
                RecoveryBenchReport.write(dir, name, settings, rows);
            }
        }
        return rows;
    }

    private Row measure(String budget, Made m, int i, Model network, DataSplits data, Map<Recovery, PlanScorer> scorers) throws Exception {
        Path kw = dir.resolve(name + "-plans").resolve(budget.replace('=', '-') + "-" + i + ".kw");
        FinetuneRecipe.Result t = settings.recipe().run(network, data, m.plan(), kw);
        Map<String, Double> scores = new LinkedHashMap<>(), seconds = new LinkedHashMap<>();
        for (var e : scorers.entrySet()) {
            long t0 = System.nanoTime();
            scores.put(e.getKey().name(), e.getValue().score(m.plan()).accuracy());
            seconds.put(e.getKey().name(), (System.nanoTime() - t0) / 1e9);
        }
        log.info("bench recovery: {} {}: test accuracy after fine-tuning {}, scores {}", budget, m.source(), t.accuracy(), scores);
        return new Row(budget, m.source(), m.plan(), t.accuracy(), t.kwBytes(), scores, seconds);
    }

    private Map<Recovery, PlanScorer> scorers(Model network, DataSplits data) {
        Map<Recovery, PlanScorer> s = new LinkedHashMap<>();
        var eval = Datasets.first(data.validation(), settings.evalImages());
        var calibration = Datasets.first(data.train(), 1000);
        var samples = Datasets.first(data.train(), settings.recoverySamples());
        for (Recovery r : Recovery.values()) s.put(r, FastPlanScorer.pool(network, eval, calibration, 1, r, samples).get(0));
        return s;
    }

    /** A plan and where it came from. */
    private record Made(String source, CompressionPlan plan) {
    }

    /** The budget's plans: random-agent episodes, the global magnitude plan, jittered magnitude plans; all fit the budget. */
    private List<Made> plans(String budget, Model network) throws Exception {
        SearchConfig c = SearchConfig.builder().run("recovery").model(settings.model()).dataset(settings.dataset()).agent("random")
                .hardware(settings.hardware(), null).budget(budget).evalImages(settings.evalImages()).seed(settings.seed()).build();
        List<Made> out = new ArrayList<>();
        try (RunParts parts = runs.build(c)) {
            CompressionEnv env = (CompressionEnv) parts.env();
            Agent random = new RandomAgent(new AgentConfig(), settings.seed());
            for (int e = 0; e < settings.randomPlans(); e++) out.add(new Made("random", random.runEpisode(env, e).result().plan()));
            KernelMagnitudes magnitudes = KernelMagnitudes.of(network);
            EpisodeResult best = Heuristics.magnitude(env, magnitudes).result();
            out.add(new Made("magnitude", best.plan()));
            SplittableRandom rnd = new SplittableRandom(settings.seed());
            for (int j = 0; j < settings.jitteredPlans(); j++) out.add(new Made("jittered", jitter(env, magnitudes, best.plan(), rnd)));
        }
        return out;
    }

    /** {@code plan} with each layer's density scaled by {@code 2^u} (u uniform in [-1.5, 1.5]) and its bits moved by -1..1, then scaled to fit. */
    private static CompressionPlan jitter(CompressionEnv env, KernelMagnitudes m, CompressionPlan plan, SplittableRandom rnd) {
        NetworkSpec spec = env.spec();
        int[] levels = env.actions().weightLevels();
        double[] density = new double[spec.size()];
        int[] bits = new int[spec.size()];
        for (int l = 0; l < spec.size(); l++) {
            LayerInfo info = spec.layer(l);
            long kept = 0;
            for (int k = 0; k < info.kernels(); k++) kept += plan.layer(l).keptWeights(k, info.fanIn());
            density[l] = Math.min(1, Math.max(1e-4, kept / (double) (info.kernels() * info.fanIn())) * Math.pow(2, rnd.nextDouble(-1.5, 1.5)));
            int at = java.util.Arrays.binarySearch(levels, plan.layer(l).weightBits(0));
            bits[l] = levels[Math.max(0, Math.min(levels.length - 1, at + rnd.nextInt(-1, 2)))];
        }
        double lo = 0, hi = 1;
        CompressionPlan fit = scaled(spec, m, density, bits, plan, 1e-6);
        for (int i = 0; i < 30; i++) {
            double mid = (lo + hi) / 2;
            CompressionPlan p = scaled(spec, m, density, bits, plan, mid);
            if (env.parts().projector().fits(p)) {
                fit = p;
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return fit;
    }

    private static CompressionPlan scaled(NetworkSpec spec, KernelMagnitudes m, double[] density, int[] bits, CompressionPlan like, double factor) {
        List<LayerPlan> layers = new ArrayList<>();
        for (int l = 0; l < spec.size(); l++) {
            LayerInfo info = spec.layer(l);
            double t = m.threshold(l, Math.min(1, density[l] * factor));
            int[] b = new int[info.kernels()];
            double[] s = new double[info.kernels()];
            for (int k = 0; k < info.kernels(); k++) {
                b[k] = bits[l];
                s[k] = (info.fanIn() - m.kept(l, k, t)) / (double) info.fanIn();
            }
            layers.add(new LayerPlan(info.name(), like.layer(l).activationBits(), b, s));
        }
        return CompressionPlan.of(spec, layers);
    }
}
