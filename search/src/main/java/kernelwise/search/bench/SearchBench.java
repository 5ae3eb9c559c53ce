package kernelwise.search.bench;

import kernelwise.agents.AgentConfig;
import kernelwise.agents.Agents;
import kernelwise.env.CompressionEnv;
import kernelwise.env.EpisodeResult;
import kernelwise.models.Folders;
import kernelwise.models.compress.KernelMagnitudes;
import kernelwise.models.compress.Recovery;
import kernelwise.models.data.DataSplits;
import kernelwise.models.data.Datasets;
import kernelwise.models.plan.CompressionPlan;
import kernelwise.search.RunFactory;
import kernelwise.search.RunParts;
import kernelwise.search.SearchConfig;
import kernelwise.search.SearchLoop;
import kernelwise.search.store.EpisodeRecord;
import kernelwise.search.store.RunProgress;
import kernelwise.search.store.RunStore;
import org.deeplearning4j.nn.api.Model;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Does the search beat not searching? Every contender makes one plan per seed under the same model, data, hardware
 * model and budget: the search agents with the same episodes (each a run in the bench's own store, resumed where a
 * run stopped), the heuristics with the env's own scorer to choose their setting; every plan then goes through the
 * same {@link FinetuneRecipe} (seeded with the row's seed) and is measured on the test split as its {@code .kw} file
 * read back. Finished rows are kept in the table and not redone.
 */
public final class SearchBench {
    private static final Logger log = LoggerFactory.getLogger(SearchBench.class);

    /** The heuristic contenders, which search nothing. */
    public static final List<String> HEURISTICS = List.of("uniform", "magnitude", "projector");

    /**
     * What a table is made with; two tables with equal settings have interchangeable rows.
     *
     * @param contenders      agents ({@link Agents#NAMES}) and heuristics ({@link #HEURISTICS}), in table order
     * @param episodes        episodes of every search
     * @param evalImages      search-validation images a plan is scored on
     * @param recoverySamples training images of the recovery step
     * @param agentConfig     the agents' hyper-parameters
     */
    public record Settings(String model, String dataset, String hardware, String budget, List<String> contenders, List<Long> seeds,
                           int episodes, int evalImages, Recovery recovery, int recoverySamples, FinetuneRecipe recipe, AgentConfig agentConfig) {
        public Settings {
            contenders = List.copyOf(contenders);
            seeds = List.copyOf(seeds);
            for (String c : contenders) {
                if (!Agents.NAMES.contains(c) && !HEURISTICS.contains(c)) {
                    throw new IllegalArgumentException("unknown contender '" + c + "' (agents " + Agents.NAMES + ", heuristics " + HEURISTICS + ")");
                }
            }
            if (contenders.isEmpty()) throw new IllegalArgumentException("contenders must not be empty");
            if (seeds.isEmpty() || Set.copyOf(seeds).size() != seeds.size()) throw new IllegalArgumentException("seeds must be distinct and at least one, found " + seeds);
            if (episodes <= 0) throw new IllegalArgumentException("episodes must be positive, found " + episodes);
            if (evalImages <= 0) throw new IllegalArgumentException("eval images must be positive, found " + evalImages);
            if (agentConfig == null) throw new IllegalArgumentException("agent configuration must not be null");
        }

        /** The search configuration of agent {@code agent} with seed {@code seed}. */
        public SearchConfig search(String agent, long seed) {
            return SearchConfig.builder().run(agent + "-s" + seed).model(model).data(dataset).agent(agent).hardware(hardware, null)
                    .budget(budget).episodes(episodes).seed(seed).evalImages(evalImages).agentConfig(agentConfig)
                    .env(b -> b.recovery(recovery, recovery == Recovery.NONE ? 0 : recoverySamples)).build();
        }
    }

    /**
     * One (contender, seed) of the table.
     *
     * @param searchAccuracy    the plan's search-time score (search-validation accuracy, after the recovery step)
     * @param relativeCost      its budgeted cost over the 8-bit plan's
     * @param plansScored       plans the contender scored to choose it (episodes for a search)
     * @param searchSeconds     wall time of the search (or of choosing the heuristic's setting)
     * @param projectedAccuracy test accuracy of the float network projected onto the plan, before training
     * @param testAccuracy      test accuracy of the plan's {@code .kw} after the recipe, read back
     * @param storageBits       the plan's packed weights as the size model counts them
     */
    public record Row(String contender, long seed, double searchAccuracy, double relativeCost, int plansScored, double searchSeconds,
                      double projectedAccuracy, double testAccuracy, long kwBytes, long storageBits, double finetuneSeconds) {
    }

    /** Hears of each row as it is kept or made. */
    public interface Progress {
        void row(Row row, boolean kept);
    }

    private final Settings settings;
    private final Path dir;
    private final String name;
    private final RunFactory runs;

    /**
     * @param dir  the folder of the table {@code name.md/.json}; runs go to {@code name-runs.db} and {@code name-runs/}
     * @param runs builds each search's env and agent (and the env the heuristics are scored by)
     */
    public SearchBench(Settings settings, Path dir, String name, RunFactory runs) {
        this.settings = settings;
        this.dir = dir;
        this.name = name;
        this.runs = runs;
    }

    /** Plays every missing row, writing the table after each; returns all rows in table order. */
    public List<Row> run(Progress progress) throws Exception {
        List<Row> done = SearchBenchReport.rows(dir, name, settings);
        List<Row> rows = new ArrayList<>();
        Files.createDirectories(runsDir());
        DataSplits data = Datasets.load(kernelwise.models.data.DataSpec.parse(settings.dataset()), Folders.data());
        Model network = kernelwise.search.ZooRunFactory.network(settings.model(), data);
        double floatAccuracy = kernelwise.models.finetune.Networks.accuracy(network, data.test(), 1000);
        try (RunStore store = RunStore.open(dir.resolve(name + "-runs.db"))) {
            for (String c : settings.contenders()) {
                Chosen pick = null;
                for (long seed : settings.seeds()) {
                    Row kept = done.stream().filter(r -> r.contender().equals(c) && r.seed() == seed).findFirst().orElse(null);
                    if (kept != null) {
                        rows.add(kept);
                        progress.row(kept, true);
                        continue;
                    }
                    Row row;
                    if (HEURISTICS.contains(c)) {
                        if (pick == null) pick = heuristic(c, network);
                        row = finetune(c, seed, pick.result(), pick.scored(), pick.seconds(), network, data);
                    } else {
                        row = search(store, c, seed, network, data);
                    }
                    rows.add(row);
                    progress.row(row, false);
                    SearchBenchReport.write(dir, name, settings, floatAccuracy, ordered(rows));
                }
            }
        }
        SearchBenchReport.write(dir, name, settings, floatAccuracy, ordered(rows));
        return ordered(rows);
    }

    private Row search(RunStore store, String agent, long seed, Model network, DataSplits data) throws Exception {
        SearchConfig config = settings.search(agent, seed);
        SearchLoop loop = new SearchLoop(store, runsDir(), runs, new SearchLoop.Listener() { });
        if (!store.exists(config.run())) loop.start(config);
        else if (!store.progress(config.run()).finished()) loop.resume(config.run(), OptionalLong.empty());
        RunProgress p = store.progress(config.run());
        EpisodeRecord best = store.episode(config.run(), p.bestEpisode());
        log.info("bench search: {} seed {}: best episode {} of {}, accuracy {}", agent, seed, best.index(), p.episodesDone(), best.scores().accuracy());
        FinetuneRecipe.Result t = settings.recipe().withSeed(seed).run(network, data, best.plan(), kw(agent, seed));
        return new Row(agent, seed, best.scores().accuracy(), best.scores().relativeCost(), (int) p.episodesDone(), p.searchSeconds(),
                t.projectedAccuracy(), t.accuracy(), t.kwBytes(), best.scores().storageBits(), t.seconds());
    }

    /** A heuristic's plan with its score, the plans it scored and the seconds it took. */
    private record Chosen(EpisodeResult result, int scored, double seconds) {
    }

    private Chosen heuristic(String name, Model network) throws Exception {
        SearchConfig config = settings.search("random", settings.seeds().get(0));
        try (RunParts parts = runs.build(config)) {
            CompressionEnv env = (CompressionEnv) parts.env();
            long t0 = System.nanoTime();
            Heuristics.Pick pick = switch (name) {
                case "uniform" -> Heuristics.uniform(env);
                case "magnitude" -> Heuristics.magnitude(env, KernelMagnitudes.of(network));
                default -> Heuristics.projected(env);
            };
            log.info("bench search: heuristic {}: {} plans scored, best accuracy {}", name, pick.scored(), pick.result().accuracy());
            return new Chosen(pick.result(), pick.scored(), (System.nanoTime() - t0) / 1e9);
        }
    }

    private Row finetune(String name, long seed, EpisodeResult r, int scored, double seconds, Model network, DataSplits data) throws IOException {
        CompressionPlan plan = r.plan();
        FinetuneRecipe.Result t = settings.recipe().withSeed(seed).run(network, data, plan, kw(name, seed));
        return new Row(name, seed, r.accuracy(), r.relativeCost(), scored, seconds, t.projectedAccuracy(), t.accuracy(), t.kwBytes(),
                r.cost().storageBits(), t.seconds());
    }

    private Path runsDir() {
        return dir.resolve(name + "-runs");
    }

    private Path kw(String contender, long seed) {
        return runsDir().resolve(contender + "-s" + seed + ".kw");
    }

    /** Rows in the settings' contender and seed order. */
    private List<Row> ordered(List<Row> rows) {
        List<Row> out = new ArrayList<>();
        for (String c : settings.contenders()) {
            for (long s : settings.seeds()) rows.stream().filter(r -> r.contender().equals(c) && r.seed() == s).findFirst().ifPresent(out::add);
        }
        return out;
    }
}
