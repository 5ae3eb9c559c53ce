package kernelwise.search.cli;

import kernelwise.search.NoSuchRunException;
import kernelwise.search.SearchConfig;
import kernelwise.search.store.RunProgress;
import kernelwise.search.store.RunStore;
import kernelwise.search.store.Scores;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;

/** Text the run verbs print. */
final class Summaries {
    private Summaries() {
    }

    static void printFinished(PrintWriter out, String run, RunProgress p, Path results) {
        out.printf(Locale.ROOT, "run %s: %d of %d episodes, %.1f min of search%n", run, p.episodesDone(), p.targetEpisodes(), p.searchSeconds() / 60);
        if (p.bestScores() != null) out.println("best (episode " + p.bestEpisode() + "): " + scores(p.bestScores()));
        out.println("files: " + results.resolve(run) + "/ (best-plan.json, summary.json, episodes.csv, search.log)");
        out.println("next: kernelwise report " + run + "   |   kernelwise export " + run + " --best --out plan.json, then kernelwise finetune --plan plan.json");
        out.flush();
    }

    static String scores(Scores s) {
        return String.format(Locale.ROOT, "reward %.4f, accuracy %.2f%%, relative cost %.3f, latency %.0f cycles (%.3g s), energy %.4g pJ, size %d bits (%.1f KiB)",
                s.reward(), 100 * s.accuracy(), s.relativeCost(), s.cycles(), s.seconds(), s.energyPj(), s.storageBits(), s.storageBits() / 8192.0);
    }

    /** A run's stored configuration. */
    static SearchConfig config(RunStore store, String run) {
        return SearchConfig.fromJson(store.info(run).orElseThrow(() -> new NoSuchRunException(run, store.file())).configJson());
    }
}
