package kernelwise.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import kernelwise.agents.Agent;
import kernelwise.agents.Episode;
import kernelwise.search.store.EpisodeRecord;
import kernelwise.search.store.RunInfo;
import kernelwise.search.store.RunProgress;
import kernelwise.search.store.RunStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Runs a search: builds the env and agent, plays episodes from the last committed one to the target, commits
 * each episode with the agent's state in one store transaction, and writes the run's files at the end.
 * A resumed run restores the agent from its last checkpoint; episodes played since that checkpoint (only when
 * {@link SearchConfig#checkpointEvery()} &gt; 1) are replayed and checked against the stored ones.
 */
public final class SearchLoop {
    private static final Logger log = LoggerFactory.getLogger(SearchLoop.class);

    /** Hears of a run's progress (the command line draws its progress bar from it). */
    public interface Listener {
        default void started(String run, RunProgress progress) {
        }

        default void episode(EpisodeRecord episode, RunProgress progress, double commitSeconds) {
        }

        default void finished(String run, RunProgress progress, Path runDir) {
        }
    }

    private final RunStore store;
    private final Path results;
    private final RunFactory factory;
    private final Listener listener;

    public SearchLoop(RunStore store, Path results, RunFactory factory, Listener listener) {
        this.store = store;
        this.results = results;
        this.factory = factory;
        this.listener = listener;
    }

    /**
     * Starts the run {@code config} names and plays it to its end.
     *
     * @throws IllegalArgumentException if the run exists already, or the factory refuses the config
     */
    public RunProgress start(SearchConfig config) throws Exception {
        if (store.exists(config.run())) {
            throw new IllegalArgumentException("run '" + config.run() + "' already exists in " + store.file()
                    + "; continue it with 'resume " + config.run() + "' or pick another --run");
        }
        Path dir = RunOutputs.runDir(results, config.run());
        boolean existed = Files.exists(dir.resolve("search.log"));
        boolean claimed = RunFolder.claim(results, config.run(), store.file());
        try (AutoCloseable ignored = RunLogging.attach(config.run(), dir.resolve("search.log"))) {
            RunParts parts;
            try {
                parts = factory.build(config);
            } catch (Exception e) {
                ignored.close();
                if (claimed) RunFolder.unclaim(results, config.run());
                removeEmptyRunFolder(dir.resolve("search.log"), existed);
                throw e;
            }
            try (parts) {
                store.createRun(new RunInfo(config.run(), config.toJson(), provenance(config, parts), System.currentTimeMillis()),
                        config.episodes());
                return play(config, parts);
            }
        }
    }

    /**
     * Continues {@code run} from its last committed episode, to {@code episodes} if given (else its target).
     *
     * @throws IllegalArgumentException if there is no such run or the new target is below the episodes done
     */
    public RunProgress resume(String run, OptionalLong episodes) throws Exception {
        RunInfo info = store.info(run).orElseThrow(() -> new NoSuchRunException(run, store.file()));
        SearchConfig config = SearchConfig.fromJson(info.configJson());
        long done = store.progress(run).episodesDone();
        if (episodes.isPresent() && episodes.getAsLong() < done) {
            throw new IllegalArgumentException("episodes must be at least the " + done + " already done, found " + episodes.getAsLong());
        }
        RunFolder.claim(results, run, store.file());
        try (AutoCloseable ignored = RunLogging.attach(run, RunOutputs.runDir(results, run).resolve("search.log"));
             RunParts parts = factory.build(config)) {
            checkSameInputs(info, parts);
            if (episodes.isPresent()) store.setTarget(run, episodes.getAsLong());
            return play(config, parts);
        }
    }

    private RunProgress play(SearchConfig config, RunParts parts) throws IOException {
        String run = config.run();
        Path dir = RunOutputs.runDir(results, run);
        Files.createDirectories(dir);
        try {
            RunProgress p = store.progress(run);
            log.info("run {}: {} of {} episodes done; config {}", run, p.episodesDone(), p.targetEpisodes(), config.toJson().replaceAll("\\s+", " "));
            restore(run, parts.agent(), p.episodesDone(), parts);
            listener.started(run, p);
            while (!p.finished()) p = playOne(config, parts, p);
            log.info("run {} finished: {} episodes, best episode {} {}", run, p.episodesDone(), p.bestEpisode(), p.bestScores());
            RunOutputs.write(store, run, results);
            listener.finished(run, p, dir);
            return p;
        } catch (IOException | RuntimeException e) {
            log.error("run {} stopped: {}", run, e.toString());
            throw e;
        }
    }

    private RunProgress playOne(SearchConfig config, RunParts parts, RunProgress p) {
        long index = p.episodesDone();
        long t0 = System.nanoTime();
        Episode episode = parts.agent().runEpisode(parts.env(), index);
        boolean checkpoint = (index + 1) % config.checkpointEvery() == 0 || index + 1 == p.targetEpisodes();
        byte[] state = checkpoint ? parts.agent().saveState() : null;
        EpisodeRecord rec = EpisodeRecord.of(episode, (System.nanoTime() - t0) / 1e9, System.currentTimeMillis());
        RunStore.Commit c = store.appendEpisode(config.run(), rec, state);
        log.info("episode {}: reward {} accuracy {} relative cost {} ({} s, commit {} ms{})", index, fmt(rec.scores().reward()),
                fmt(rec.scores().accuracy()), fmt(rec.scores().relativeCost()), fmt(rec.wallSeconds()), Math.round(c.commitSeconds() * 1000),
                state == null ? "" : ", checkpoint " + c.checkpointBytes() + " bytes, " + c.checkpointBytesWritten() + " rewritten");
        listener.episode(rec, c.progress(), c.commitSeconds());
        return c.progress();
    }

    /** Restores the agent's last checkpoint and replays (and checks) the episodes committed after it. */
    private void restore(String run, Agent agent, long done, RunParts parts) throws IOException {
        long from = 0;
        var cp = store.checkpoint(run);
        if (cp.isPresent()) {
            agent.restoreState(cp.get().state());
            from = cp.get().episodes();
            log.info("run {}: agent restored from the checkpoint after episode {}", run, from - 1);
        }
        for (long i = from; i < done; i++) {
            EpisodeRecord replayed = EpisodeRecord.of(agent.runEpisode(parts.env(), i), 0, 0);
            if (!replayed.sameOutcome(store.episode(run, i))) {
                throw new IllegalStateException("run " + run + ": replaying episode " + i + " from the checkpoint gave a different"
                        + " outcome than the stored one (the agent or env is not deterministic)");
            }
            log.info("run {}: replayed episode {} (identical to the stored one)", run, i);
        }
    }

    /** Refuses to resume on a model or data set other than the run started with (it would not continue the same run). */
    private static void checkSameInputs(RunInfo info, RunParts parts) throws IOException {
        JsonNode stored = new ObjectMapper().readTree(info.provenanceJson());
        JsonNode now = new ObjectMapper().valueToTree(parts.provenance());
        for (String key : new String[]{"modelSha256", "datasetSha256"}) {
            if (stored.has(key) && now.has(key) && !stored.get(key).equals(now.get(key))) {
                throw new RunMismatchException("run '" + info.name() + "' started on another " + (key.startsWith("model") ? "model" : "data set")
                        + " (" + key + " was " + stored.get(key) + ", is now " + now.get(key) + "); start a new run instead");
            }
        }
    }

    /** After a failed start: the run's log and, if nothing else is in it, its folder go. */
    private static void removeEmptyRunFolder(Path log, boolean keepLog) throws IOException {
        if (!keepLog) Files.deleteIfExists(log);
        try {
            Files.deleteIfExists(log.getParent());
        } catch (java.nio.file.DirectoryNotEmptyException keep) {
            // the folder holds other files (e.g. from an earlier run of that name): leave it
        }
    }

    private static String provenance(SearchConfig config, RunParts parts) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("seed", config.seed());
        p.put("startedAt", java.time.Instant.now().toString());
        p.put("agent", parts.agent().name());
        p.put("java", System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")");
        p.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        p.put("cores", Runtime.getRuntime().availableProcessors());
        p.put("kernelwise", SearchLoop.class.getPackage().getImplementationVersion() == null ? "0.1.0-SNAPSHOT"
                : SearchLoop.class.getPackage().getImplementationVersion());
        p.putAll(parts.provenance());
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(p);
        } catch (IOException e) {
            throw new IllegalStateException("provenance could not be written as JSON", e);
        }
    }

    private static String fmt(double v) {
        return String.format(java.util.Locale.ROOT, "%.4f", v);
    }
}
