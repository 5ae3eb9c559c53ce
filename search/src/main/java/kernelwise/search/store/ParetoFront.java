package kernelwise.search.store;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The episodes no other episode beats on both accuracy (higher is better) and one cost (lower is better).
 * A point equal to one already on the front is not added (the earlier episode stays). Kept sorted by cost.
 *
 * @param points the front, by increasing cost
 */
public record ParetoFront(List<Point> points) {

    /** One episode on the front. */
    public record Point(long episode, double accuracy, double cost) {
        boolean dominatesOrEquals(Point o) {
            return accuracy >= o.accuracy && cost <= o.cost;
        }
    }

    public ParetoFront {
        points = List.copyOf(points);
    }

    public static ParetoFront empty() {
        return new ParetoFront(List.of());
    }

    /** This front with {@code p} offered: unchanged if some point dominates or equals it, else with it added. */
    public ParetoFront offer(Point p) {
        for (Point q : points) {
            if (q.dominatesOrEquals(p)) return this;
        }
        List<Point> next = new ArrayList<>(points.size() + 1);
        for (Point q : points) {
            if (!p.dominatesOrEquals(q)) next.add(q);
        }
        next.add(p);
        next.sort(Comparator.comparingDouble(Point::cost).thenComparingLong(Point::episode));
        return new ParetoFront(next);
    }

    public boolean contains(long episode) {
        return points.stream().anyMatch(p -> p.episode() == episode);
    }
}
