package kernelwise.search;

import kernelwise.env.Resource;
import kernelwise.search.store.EpisodeRecord;

import java.util.Comparator;
import java.util.List;

/**
 * Which stored plan is "the best": the highest reward (the search's own objective), the highest accuracy, or the
 * cheapest in one {@link Resource} among the plans whose accuracy is within {@code maxDrop} of the highest accuracy
 * found. Ties go to the earliest episode.
 *
 * @param label    {@code reward}, {@code accuracy} or a resource's label
 * @param resource the resource a cheapest choice minimises, null for the other two
 */
public record PlanChoice(String label, Resource resource) {
    public static final PlanChoice REWARD = new PlanChoice("reward", null);
    public static final PlanChoice ACCURACY = new PlanChoice("accuracy", null);

    /** The cheapest plan in {@code r} within the allowed accuracy drop. */
    public static PlanChoice cheapest(Resource r) {
        return new PlanChoice(r.label(), r);
    }

    /** @throws IllegalArgumentException naming the value found and the values accepted */
    public static PlanChoice parse(String text) {
        if (REWARD.label.equalsIgnoreCase(text)) return REWARD;
        if (ACCURACY.label.equalsIgnoreCase(text)) return ACCURACY;
        try {
            return cheapest(Resource.parse(text));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--by must be reward, accuracy, latency, energy or size, found '" + text + "'", e);
        }
    }

    /**
     * @param episodes the run's episodes, at least one
     * @param maxDrop  for a cost choice: the accuracy (fraction, e.g. 0.01) a plan may lose to the most accurate one
     */
    public EpisodeRecord choose(List<EpisodeRecord> episodes, double maxDrop) {
        if (episodes.isEmpty()) throw new IllegalArgumentException("the run has no episodes yet");
        if (!(maxDrop >= 0 && maxDrop <= 1)) throw new IllegalArgumentException("max accuracy drop must be in [0,1], found " + maxDrop);
        Comparator<EpisodeRecord> earliestFirst = Comparator.comparingLong(EpisodeRecord::index).reversed();
        if (resource != null) return cheapest(episodes, resource, maxDrop);
        if (this.equals(REWARD)) {
            return best(episodes, Comparator.comparingDouble((EpisodeRecord e) -> e.scores().reward()).thenComparing(earliestFirst));
        }
        return best(episodes, Comparator.comparingDouble((EpisodeRecord e) -> e.scores().accuracy())
                .thenComparing(Comparator.comparingDouble((EpisodeRecord e) -> e.scores().relativeCost()).reversed())
                .thenComparing(earliestFirst));
    }

    private static EpisodeRecord cheapest(List<EpisodeRecord> episodes, Resource r, double maxDrop) {
        double top = episodes.stream().mapToDouble(e -> e.scores().accuracy()).max().orElseThrow();
        Comparator<EpisodeRecord> cost = Comparator.comparingDouble((EpisodeRecord e) -> -e.scores().cost(r))
                .thenComparingDouble(e -> e.scores().accuracy())
                .thenComparing(Comparator.comparingLong(EpisodeRecord::index).reversed());
        return best(episodes.stream().filter(e -> e.scores().accuracy() >= top - maxDrop - 1e-12).toList(), cost);
    }

    private static EpisodeRecord best(List<EpisodeRecord> episodes, Comparator<EpisodeRecord> order) {
        return episodes.stream().max(order).orElseThrow();
    }
}
