package kernelwise.search;

import kernelwise.agents.Transition;
import kernelwise.env.Fixtures;
import kernelwise.env.Level;
import kernelwise.models.plan.CompressionPlan;
import kernelwise.models.plan.LayerInfo;
import kernelwise.models.plan.LayerKind;
import kernelwise.models.plan.NetworkSpec;
import kernelwise.search.store.EpisodeRecord;
import kernelwise.search.store.Scores;
import kernelwise.search.store.Trajectory;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/** Real plans, trajectories and episode records for tests, built from a small LeNet-like spec. */
public final class Samples {
    private static final int[] BITS = IntStream.rangeClosed(1, 8).toArray();
    private static final double[] SPARSITY = IntStream.range(0, 10).mapToDouble(i -> i / 10.0).toArray();

    private Samples() {
    }

    public static NetworkSpec spec() {
        return new NetworkSpec(List.of(
                new LayerInfo(0, "conv1", LayerKind.CONV, 6, 25, 1, 5, 5, 1, 28, 28, 24, 24),
                new LayerInfo(1, "dense1", LayerKind.DENSE, 12, 96, 96, 1, 1, 1, 1, 1, 1, 1),
                new LayerInfo(2, "output", LayerKind.OUTPUT, 10, 12, 12, 1, 1, 1, 1, 1, 1, 1)));
    }

    public static List<Transition> trajectory(SplittableRandom rng, int steps) {
        List<Transition> out = new ArrayList<>();
        for (int i = 0; i < steps; i++) {
            Level level = i % 4 == 0 ? Level.HIGH : Level.LOW;
            double[] obs = rng.doubles(7).toArray();
            double[] act = rng.doubles(level == Level.HIGH ? 3 : 2).toArray();
            out.add(new Transition(level, obs, act, rng.nextDouble()));
        }
        return out;
    }

    public static EpisodeRecord episode(long index, SplittableRandom rng) {
        CompressionPlan plan = Fixtures.randomPlan(spec(), rng, BITS, SPARSITY);
        double acc = 0.5 + 0.5 * rng.nextDouble();
        double cycles = 1e5 * (0.2 + rng.nextDouble());
        Scores s = new Scores(acc, "bitfusion", cycles, cycles / 1e9, cycles * 3.5, 8000 + rng.nextInt(9000),
                cycles / 1.2e5, acc - 0.1 * rng.nextDouble());
        return new EpisodeRecord(index, plan, s, Trajectory.of(trajectory(rng, 20)), 0.01, 0.02, 0.05, 1_700_000_000_000L + index);
    }
}
