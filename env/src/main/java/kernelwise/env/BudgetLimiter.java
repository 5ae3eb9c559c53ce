package kernelwise.env;

import kernelwise.env.action.ActionMapper;
import kernelwise.env.action.KernelChoices;
import kernelwise.env.budget.Budget;
import kernelwise.env.hardware.HardwareModel;
import kernelwise.models.plan.NetworkSpec;

/**
 * {@link kernelwise.env.budget.Enforcement#LIMIT}: limits a layer's goal so that what is spent, this layer at its goal
 * and every later layer at its floor (the smallest weight and activation bits and the smallest density short of
 * removal) fit the budget. A goal that fits is kept as asked; otherwise, for each weight width the least sparse level
 * that fits (at the asked sparsity or sparser) is a candidate, and the candidate nearest to the asked goal (by
 * position on the bit and sparsity scales) is taken; if none fits at the asked activation bits, lower activation bits
 * are tried, and at the end the floor itself. Works on the env's plan buffer, one layer at a time; not thread-safe.
 */
final class BudgetLimiter {
    private final NetworkSpec spec;
    private final HardwareModel hw;
    private final Budget budget;
    private final double limit;
    private final ActionMapper mapper;
    private final KernelChoices choices;
    private final double[] floor;

    /** A layer's limited choice. */
    record Goal(int activationBits, int weightBits, double sparsity, boolean changed) {
    }

    BudgetLimiter(NetworkSpec spec, HardwareModel hw, Budget budget, Cost reference, ActionMapper mapper, KernelChoices choices, PlanBuffer buffer) {
        this.spec = spec;
        this.hw = hw;
        this.budget = budget;
        this.limit = budget.limit(reference);
        this.mapper = mapper;
        this.choices = choices;
        this.floor = new double[spec.size()];
        int[] w = mapper.weightLevels(), a = mapper.activationLevels();
        for (int l = 0; l < spec.size(); l++) floor[l] = layerCost(buffer, l, a[0], w[0], sparsestKept());
    }

    /** The goal layer {@code layer} may take when {@code spent} is already spent by the layers before it. */
    Goal limit(PlanBuffer buffer, int layer, double spent, int activationBits, int weightBits, double sparsity) {
        double allowance = limit - spent;
        for (int j = layer + 1; j < spec.size(); j++) allowance -= floor[j];
        if (layerCost(buffer, layer, activationBits, weightBits, sparsity) <= allowance * (1 + 1e-9)) {
            return new Goal(activationBits, weightBits, sparsity, false);
        }
        int[] acts = mapper.activationLevels();
        for (int ai = acts.length - 1; ai >= 0; ai--) {
            if (acts[ai] > activationBits) continue;
            Goal g = nearestFitting(buffer, layer, acts[ai], weightBits, sparsity, allowance);
            if (g != null) return g;
        }
        return new Goal(acts[0], mapper.weightLevels()[0], sparsestKept(), true);
    }

    private Goal nearestFitting(PlanBuffer buffer, int layer, int act, int weightBits, double sparsity, double allowance) {
        double[] levels = mapper.sparsityLevels();
        int[] bits = mapper.weightLevels();
        Goal best = null;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int b : bits) {
            for (double s : levels) {
                if (s < sparsity || s >= 1) continue;
                if (layerCost(buffer, layer, act, b, s) > allowance * (1 + 1e-9)) continue;
                double d = Math.abs(mapper.normalizedWeightBits(b) - mapper.normalizedWeightBits(weightBits))
                        + Math.abs(mapper.normalizedSparsity(s) - mapper.normalizedSparsity(sparsity));
                if (d < bestDistance) {
                    bestDistance = d;
                    best = new Goal(act, b, s, true);
                }
                break;
            }
        }
        return best;
    }

    /** The budgeted resource layer {@code layer} costs at a goal (its kernels allocated as the env allocates them). */
    private double layerCost(PlanBuffer buffer, int layer, int act, int bits, double sparsity) {
        int saved = buffer.activationBits[layer];
        int[] savedBits = buffer.weightBits[layer].clone();
        double[] savedSparsity = buffer.sparsity[layer].clone();
        buffer.activationBits[layer] = act;
        choices.startLayer(layer, bits, sparsity);
        choices.follow(buffer.weightBits[layer], buffer.sparsity[layer]);
        var plan = buffer.toPlan();
        double c = Budget.layerValues(budget.resource(), hw.cost(spec, plan), spec, plan)[layer];
        buffer.activationBits[layer] = saved;
        System.arraycopy(savedBits, 0, buffer.weightBits[layer], 0, savedBits.length);
        System.arraycopy(savedSparsity, 0, buffer.sparsity[layer], 0, savedSparsity.length);
        return c;
    }

    /** The largest sparsity level short of removing every kernel. */
    private double sparsestKept() {
        double[] levels = mapper.sparsityLevels();
        double s = levels[0];
        for (double v : levels) if (v < 1) s = v;
        return s;
    }
}
