package kernelwise.env;

import kernelwise.env.action.ActionMapper;
import kernelwise.models.plan.CompressionPlan;
import kernelwise.models.plan.NetworkSpec;

import java.util.List;

/**
 * Compressing one network as an episode: for each compressible layer in order, one {@link Level#HIGH} step
 * (activation bits and the layer's goal), then, if {@link #kernelSteps()}, one {@link Level#LOW} step per kernel.
 * When {@code kernelSteps()} is false every kernel of a layer takes the layer's goal (the flat, per-layer view).
 * The last step projects the plan onto the budget (in the resource-constrained mode; the other modes score the plan
 * as proposed), scores it and returns the extrinsic reward. All actions are
 * vectors in [0,1]; observations are vectors in [0,1]. Not thread-safe: one agent drives one env.
 */
public interface HierarchicalEnv {

    /** The network's compressible layers. */
    NetworkSpec spec();

    /** Whether each kernel gets its own LOW step. */
    boolean kernelSteps();

    int highObservationSize();

    int lowObservationSize();

    /** Entries of a LOW action (a kernel's choice): for the compression env 2, weight bits and sparsity. */
    int lowActionSize();

    /**
     * Entries of a HIGH action: the layer's activation bits, then the layer's goal, one entry per LOW action entry
     * (the mean LOW action the layer's kernels should reach), so {@code 1 + lowActionSize()}.
     */
    default int highActionSize() {
        return 1 + lowActionSize();
    }

    /**
     * How this env maps actions in [0,1] to weight bits, activation bits and sparsity levels: the levels an action
     * can choose, and the action at the centre of each level (what a discrete view of the env offers).
     */
    ActionMapper actions();

    /**
     * The LOW action that follows the layer's goal exactly, for a goal of {@code goal} (the HIGH action's goal
     * entries): the goal itself where LOW actions are the kernels' own levels (the default), the middle of the range
     * where they adjust a layer-wide allocation. Exploration centres on it.
     */
    default double[] neutralLowAction(double[] goal) {
        return goal.clone();
    }

    /**
     * The HIGH action that asks for the env's own default for a layer (the prior's choice), which exploration may
     * centre on; null if the env has none (actions then explore their whole range uniformly).
     */
    default double[] neutralHighAction() {
        return null;
    }

    /** Starts an episode and returns the first layer's HIGH observation. */
    double[] reset();

    /** The level the next {@link #step} expects. */
    Level level();

    /** Takes one step; the action has {@link #highActionSize()} or {@link #lowActionSize()} entries in [0,1]. */
    StepResult step(double[] action);

    /** Projects {@code plan} onto the budget (where the mode projects) and scores it, outside any episode (for baselines). */
    EpisodeResult evaluate(CompressionPlan plan);

    /** {@link #evaluate} for many plans, scored in parallel on a pool of working copies; results in input order. */
    List<EpisodeResult> evaluateAll(List<CompressionPlan> plans);
}
