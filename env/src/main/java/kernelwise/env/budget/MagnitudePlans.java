package kernelwise.env.budget;

import kernelwise.env.Cost;
import kernelwise.env.Resource;
import kernelwise.env.hardware.HardwareModel;
import kernelwise.models.compress.KernelMagnitudes;
import kernelwise.models.compress.MagnitudePlan;
import kernelwise.models.plan.CompressionPlan;
import kernelwise.models.plan.NetworkSpec;

import java.util.ArrayList;
import java.util.List;

/**
 * Global magnitude pruning meeting a budget: for each pair of weight and activation widths, the plan keeping the
 * largest share of the network's weights (one magnitude threshold for all layers, found by bisection) that fits.
 * These are the candidates of the magnitude heuristic, and of the prior the env's HIGH actions are relative to.
 */
public final class MagnitudePlans {
    private static final int STEPS = 30;

    private MagnitudePlans() {
    }

    /**
     * The fitting plans, one per width pair that has one; for a size budget only the widest activations are tried
     * (activations cost no storage), otherwise activation widths from 4 bits up.
     */
    public static List<CompressionPlan> fitting(NetworkSpec spec, KernelMagnitudes m, HardwareModel hw, Budget budget,
                                                int[] weightLevels, int[] activationLevels) {
        Cost reference = hw.cost(spec, Budget.referencePlan(spec));
        List<CompressionPlan> out = new ArrayList<>();
        for (int a : activationLevels) {
            if (budget.resource() == Resource.SIZE ? a != activationLevels[activationLevels.length - 1] : a < 4) continue;
            for (int w : weightLevels) {
                CompressionPlan fit = largestFitting(spec, m, hw, budget, reference, w, a);
                if (fit != null) out.add(fit);
            }
        }
        return out;
    }

    private static CompressionPlan largestFitting(NetworkSpec spec, KernelMagnitudes m, HardwareModel hw, Budget budget, Cost reference, int w, int a) {
        CompressionPlan dense = MagnitudePlan.global(spec, m, 1, w, a);
        if (budget.fits(hw.cost(spec, dense), reference)) return dense;
        double lo = 0, hi = 1;
        CompressionPlan fit = null;
        for (int i = 0; i < STEPS; i++) {
            double mid = (lo + hi) / 2;
            CompressionPlan plan = MagnitudePlan.global(spec, m, mid, w, a);
            if (budget.fits(hw.cost(spec, plan), reference)) {
                fit = plan;
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return fit;
    }
}
