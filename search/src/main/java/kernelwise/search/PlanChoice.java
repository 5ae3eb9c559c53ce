package kernelwise.search;

import kernelwise.search.store.CostAxis;
import kernelwise.search.store.EpisodeRecord;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Which stored plan is "the best": the highest reward (the search's own objective), the highest accuracy, or the
 * cheapest in one cost among the plans whose accuracy is within {@code maxDrop} of the highest accuracy found.
 * Ties go to the earliest episode.
 */
public enum PlanChoice {
    REWARD, ACCURACY, LATENCY, ENERGY, SIZE;

    /** @throws IllegalArgumentException naming the value found and the values accepted */
    public static PlanChoice parse(String text) {
        for (PlanChoice c : values()) {
            if (c.name().toLowerCase(Locale.ROOT).equals(text.toLowerCase(Locale.ROOT))) return c;
        }
        throw new IllegalArgumentException("--by must be reward, accuracy, latency, energy or size, found '" + text + "'");
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param episodes the run's episodes, at least one
     * @param maxDrop  for a cost choice: the accuracy (fraction, e.g. 0.01) a plan may lose to the most accurate one
     */
    public EpisodeRecord choose(List<EpisodeRecord> episodes, double maxDrop) {
        if (episodes.isEmpty()) throw new IllegalArgumentException("the run has no episodes yet");
        if (!(maxDrop >= 0 && maxDrop <= 1)) throw new IllegalArgumentException("max accuracy drop must be in [0,1], found " + maxDrop);
        Comparator<EpisodeRecord> earliestFirst = Comparator.comparingLong(EpisodeRecord::index).reversed();
        return switch (this) {
            case REWARD -> best(episodes, Comparator.comparingDouble((EpisodeRecord e) -> e.scores().reward()).thenComparing(earliestFirst));
            case ACCURACY -> best(episodes, Comparator.comparingDouble((EpisodeRecord e) -> e.scores().accuracy())
                    .thenComparing(Comparator.comparingDouble((EpisodeRecord e) -> e.scores().relativeCost()).reversed())
                    .thenComparing(earliestFirst));
            default -> cheapest(episodes, CostAxis.parse(label()), maxDrop);
        };
    }

    private static EpisodeRecord cheapest(List<EpisodeRecord> episodes, CostAxis axis, double maxDrop) {
        double top = episodes.stream().mapToDouble(e -> e.scores().accuracy()).max().orElseThrow();
        Comparator<EpisodeRecord> cost = Comparator.comparingDouble((EpisodeRecord e) -> -e.scores().cost(axis))
                .thenComparingDouble(e -> e.scores().accuracy())
                .thenComparing(Comparator.comparingLong(EpisodeRecord::index).reversed());
        return best(episodes.stream().filter(e -> e.scores().accuracy() >= top - maxDrop - 1e-12).toList(), cost);
    }

    private static EpisodeRecord best(List<EpisodeRecord> episodes, Comparator<EpisodeRecord> order) {
        return episodes.stream().max(order).orElseThrow();
    }
}
