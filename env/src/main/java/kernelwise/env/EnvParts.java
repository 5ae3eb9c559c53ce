package kernelwise.env;

import kernelwise.env.action.ActionMapper;
import kernelwise.env.action.KernelAllocation;
import kernelwise.env.action.KernelChoices;
import kernelwise.env.budget.Budget;
import kernelwise.env.budget.BudgetProjector;
import kernelwise.env.budget.Sensitivity;
import kernelwise.env.hardware.HardwareModel;
import kernelwise.env.hardware.TableModel;
import kernelwise.env.obs.KernelStats;
import kernelwise.env.obs.ObservationBuilder;
import kernelwise.env.reward.RewardFunction;
import kernelwise.models.compress.KernelMagnitudes;
import kernelwise.models.plan.CompressionPlan;
import kernelwise.models.plan.NetworkSpec;

import java.util.TreeSet;

/**
 * The replaceable parts a {@link CompressionEnv} is composed of; {@link #of} builds the standard ones from an
 * {@link EnvConfig} and a hardware model.
 *
 * @param hardware     prices plans
 * @param actions      maps actions in [0,1] to bits and sparsities
 * @param observations builds the observations
 * @param choices      turns a layer's goal and its LOW actions into kernels' bits and sparsities
 * @param projector    fits plans to the budget; null when the mode does not project
 * @param reward       the extrinsic reward
 */
public record EnvParts(HardwareModel hardware, ActionMapper actions, ObservationBuilder observations,
                       KernelChoices choices, BudgetProjector projector, RewardFunction reward) {

    public EnvParts {
        if (hardware == null || actions == null || observations == null || choices == null || reward == null) {
            throw new IllegalArgumentException("hardware, actions, observations, choices and reward must not be null");
        }
    }

    /**
     * The standard parts for {@code cfg} on the given hardware model.
     *
     * @param magnitudes the network's sorted weight magnitudes, for {@link KernelAllocation#MAGNITUDE} (else may be null)
     */
    public static EnvParts of(NetworkSpec spec, KernelStats stats, KernelMagnitudes magnitudes, EnvConfig cfg, HardwareModel hw) {
        stats.checkAgainst(spec);
        int[] w = cfg.weightBits().stream().mapToInt(Integer::intValue).toArray();
        int[] a = cfg.activationBits().stream().mapToInt(Integer::intValue).toArray();
        double[] s = cfg.sparsityLevels().stream().mapToDouble(Double::doubleValue).toArray();
        if (hw instanceof TableModel t) {
            TreeSet<Integer> wb = new TreeSet<>(cfg.weightBits()), ab = new TreeSet<>(cfg.activationBits());
            wb.add(Budget.REFERENCE_BITS);
            ab.add(Budget.REFERENCE_BITS);
            t.checkCovers(spec, wb, ab);
        }
        Budget budget = cfg.budget();
        if (!hw.resources().contains(budget.resource())) {
            throw new IllegalArgumentException("hardware " + hw.name() + " models only " + hw.resources() + ", found budget " + budget.toText());
        }
        CompressionPlan ref = Budget.referencePlan(spec);
        Cost refCost = hw.cost(spec, ref);
        double[] refLayers = Budget.layerValues(budget.resource(), refCost, spec, ref);
        ActionMapper mapper = new ActionMapper(w, a, s);
        ObservationBuilder obs = new ObservationBuilder(spec, stats, mapper, refLayers, budget.limit(refCost));
        BudgetProjector projector = cfg.mode().projects()
                ? new BudgetProjector(spec, hw, budget, Sensitivity.of(spec, stats.l2(), hw, budget.resource()), w, a, s)
                : null;
        KernelChoices choices = new KernelChoices(cfg.allocation(), mapper, spec, magnitudes);
        return new EnvParts(hw, mapper, obs, choices, projector, cfg.mode().reward(cfg.maxAccuracyLoss()));
    }
}
