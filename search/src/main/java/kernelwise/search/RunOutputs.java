package kernelwise.search;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kernelwise.env.Resource;
import kernelwise.models.plan.CompressionPlan;
import kernelwise.models.AtomicWrite;
import kernelwise.search.store.EpisodeRecord;
import kernelwise.search.store.RunInfo;
import kernelwise.search.store.RunProgress;
import kernelwise.search.store.RunStore;
import kernelwise.search.store.Scores;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The files a run leaves in {@code results/<run>/}: {@code best-plan.json} (the highest-reward plan, a
 * {@code CompressionPlan} that {@code finetune} reads), {@code summary.json} (config, provenance, progress, best
 * scores, Pareto fronts) and {@code episodes.csv} (one line per episode).
 */
public final class RunOutputs {
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private RunOutputs() {
    }

    public static Path runDir(Path results, String run) {
        return results.resolve(run);
    }

    /** Writes the three files; returns the run folder. */
    public static Path write(RunStore store, String run, Path results) throws IOException {
        Path dir = runDir(results, run);
        RunFolder.claim(results, run, store.file());
        List<EpisodeRecord> episodes = store.episodes(run);
        long best = store.progress(run).bestEpisode();
        if (best >= 0) {
            CompressionPlan plan = episodes.get((int) best).plan();
            AtomicWrite.write(dir.resolve("best-plan.json"), f -> {
                plan.write(f);
                return null;
            });
        }
        AtomicWrite.writeString(dir.resolve("summary.json"), JSON.writeValueAsString(summary(store, run)));
        writeCsv(dir.resolve("episodes.csv"), episodes);
        return dir;
    }

    /** The run as one JSON object: name, config, provenance, progress, best scores, fronts. */
    public static ObjectNode summary(RunStore store, String run) {
        RunInfo info = store.info(run).orElseThrow(() -> new IllegalArgumentException("no run '" + run + "' in " + store.file()));
        RunProgress p = store.progress(run);
        ObjectNode o = JSON.createObjectNode();
        o.put("run", run);
        o.put("store", store.file().toString());
        o.put("createdMillis", info.createdMillis());
        try {
            o.set("config", JSON.readTree(info.configJson()));
            o.set("provenance", JSON.readTree(info.provenanceJson()));
        } catch (IOException e) {
            throw new UncheckedIOException("stored config of run " + run + " is unreadable", e);
        }
        o.put("episodesDone", p.episodesDone());
        o.put("targetEpisodes", p.targetEpisodes());
        o.put("searchSeconds", p.searchSeconds());
        o.put("bestEpisode", p.bestEpisode());
        o.set("best", p.bestScores() == null ? null : JSON.valueToTree(p.bestScores()));
        ObjectNode fronts = o.putObject("paretoFronts");
        for (Resource a : Resource.values()) fronts.set(a.label(), JSON.valueToTree(p.front(a).points()));
        return o;
    }

    private static void writeCsv(Path file, List<EpisodeRecord> episodes) throws IOException {
        StringBuilder sb = new StringBuilder("episode,reward,accuracy,relative_cost,latency_cycles,latency_seconds,energy_pj,size_bits,"
                + "agent_seconds,score_seconds,wall_seconds\n");
        for (EpisodeRecord e : episodes) {
            Scores s = e.scores();
            sb.append(String.format(Locale.ROOT, "%d,%.6f,%.6f,%.6f,%.1f,%.9g,%.1f,%d,%.4f,%.4f,%.4f%n", e.index(), s.reward(), s.accuracy(),
                    s.relativeCost(), s.cycles(), s.seconds(), s.energyPj(), s.storageBits(), e.agentSeconds(), e.scoreSeconds(), e.wallSeconds()));
        }
        AtomicWrite.writeString(file, sb);
    }
}
