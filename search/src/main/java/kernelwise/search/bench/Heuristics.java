package kernelwise.search.bench;

import kernelwise.env.CompressionEnv;
import kernelwise.env.EpisodeResult;
import kernelwise.env.Resource;
import kernelwise.env.action.ActionMapper;
import kernelwise.env.budget.Budget;
import kernelwise.env.budget.BudgetProjector;
import kernelwise.models.compress.KernelMagnitudes;
import kernelwise.env.budget.MagnitudePlans;
import kernelwise.models.plan.CompressionPlan;
import kernelwise.models.plan.NetworkSpec;

import java.util.ArrayList;
import java.util.List;

/**
 * Plans made without a search, each meeting the env's budget, for a benchmark to compare searched plans against.
 * Where a heuristic has a free setting (bit widths), every setting that can fit is scored by the env, exactly as the
 * search scores its plans, and the most accurate is kept: the heuristic gets the same information the search gets,
 * and far fewer scorings.
 */
final class Heuristics {
    /** A heuristic's plan, its search-time score and how many plans it scored to choose it. */
    record Pick(String name, EpisodeResult result, int scored) {
    }

    private Heuristics() {
    }

    /** One weight width, activation width and sparsity for every kernel: the least sparse that fits, for each pair of widths. */
    static Pick uniform(CompressionEnv env) {
        NetworkSpec spec = env.spec();
        BudgetProjector p = env.parts().projector();
        double[] levels = env.actions().sparsityLevels();
        List<CompressionPlan> candidates = new ArrayList<>();
        for (int a : activationBits(env)) {
            for (int w : env.actions().weightLevels()) {
                for (double s : levels) {
                    CompressionPlan plan = CompressionPlan.uniform(spec, w, a, s);
                    if (s < 1 && p.fits(plan)) {
                        candidates.add(plan);
                        break;
                    }
                }
            }
        }
        return best("uniform", env, candidates);
    }

    /**
     * Global magnitude pruning: one magnitude threshold over every layer's weights, each kernel keeping the weights
     * above it, every kernel at one weight width; for each pair of widths, the largest density that fits.
     */
    static Pick magnitude(CompressionEnv env, KernelMagnitudes magnitudes) {
        var parts = env.parts();
        return best("magnitude", env, MagnitudePlans.fitting(env.spec(), magnitudes, parts.hardware(), env.config().budget(),
                env.actions().weightLevels(), env.actions().activationLevels()));
    }

    /** The env's budget projector applied to the all-8-bit plan. */
    static Pick projected(CompressionEnv env) {
        CompressionPlan plan = env.parts().projector().project(Budget.referencePlan(env.spec()));
        return best("projector", env, List.of(plan));
    }

    /** The activation widths worth trying: only the widest when the budget is on size (activations cost no storage). */
    private static int[] activationBits(CompressionEnv env) {
        int[] a = env.actions().activationLevels();
        return env.config().budget().resource() == Resource.SIZE ? new int[]{a[a.length - 1]} : a;
    }

    private static Pick best(String name, CompressionEnv env, List<CompressionPlan> candidates) {
        if (candidates.isEmpty()) throw new IllegalArgumentException(name + ": no plan of this kind meets the budget " + env.config().budget().toText());
        List<EpisodeResult> scored = env.evaluateAll(candidates);
        EpisodeResult best = scored.get(0);
        for (EpisodeResult r : scored) {
            if (r.accuracy() > best.accuracy() || r.accuracy() == best.accuracy() && r.relativeCost() < best.relativeCost()) best = r;
        }
        return new Pick(name, best, scored.size());
    }
}
