package kernelwise.search.store;

import kernelwise.env.Resource;

import java.util.EnumMap;
import java.util.Map;

/**
 * Where a run stands, rewritten in the same transaction as each episode.
 *
 * @param episodesDone   episodes committed (the next episode's index)
 * @param targetEpisodes episodes the run is asked to reach
 * @param bestEpisode    index of the episode with the highest reward (the earliest on ties), -1 if none
 * @param bestScores     its scores, null if none
 * @param fronts         accuracy against each cost: the Pareto front
 * @param searchSeconds  summed wall time of the committed episodes
 */
public record RunProgress(long episodesDone, long targetEpisodes, long bestEpisode, Scores bestScores,
                          Map<Resource, ParetoFront> fronts, double searchSeconds) {

    public RunProgress {
        if (episodesDone < 0) throw new IllegalArgumentException("episodesDone must be >= 0, found " + episodesDone);
        if (targetEpisodes <= 0) throw new IllegalArgumentException("targetEpisodes must be positive, found " + targetEpisodes);
        EnumMap<Resource, ParetoFront> f = new EnumMap<>(Resource.class);
        for (Resource a : Resource.values()) f.put(a, fronts == null ? ParetoFront.empty() : fronts.getOrDefault(a, ParetoFront.empty()));
        fronts = Map.copyOf(f);
    }

    public static RunProgress start(long targetEpisodes) {
        return new RunProgress(0, targetEpisodes, -1, null, null, 0);
    }

    public boolean finished() {
        return episodesDone >= targetEpisodes;
    }

    public ParetoFront front(Resource axis) {
        return fronts.get(axis);
    }

    public RunProgress withTarget(long target) {
        return new RunProgress(episodesDone, target, bestEpisode, bestScores, fronts, searchSeconds);
    }

    /** The progress after {@code e}, which must be episode number {@link #episodesDone()}. */
    public RunProgress after(EpisodeRecord e) {
        if (e.index() != episodesDone) {
            throw new IllegalStateException("next episode must be " + episodesDone + ", found " + e.index());
        }
        boolean better = bestScores == null || e.scores().reward() > bestScores.reward();
        EnumMap<Resource, ParetoFront> f = new EnumMap<>(Resource.class);
        for (Resource a : Resource.values()) {
            f.put(a, fronts.get(a).offer(new ParetoFront.Point(e.index(), e.scores().accuracy(), e.scores().cost(a))));
        }
        return new RunProgress(episodesDone + 1, targetEpisodes, better ? e.index() : bestEpisode,
                better ? e.scores() : bestScores, f, searchSeconds + e.wallSeconds());
    }
}
