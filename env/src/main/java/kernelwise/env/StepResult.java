package kernelwise.env;

/**
 * What one {@link HierarchicalEnv#step} returns.
 *
 * @param observation the next observation, for the controller named by {@code next} (empty when done)
 * @param next        which controller acts next (meaningless when done)
 * @param reward      this step's reward: the intrinsic goal reward for a LOW step, 0 for a HIGH step
 *                    (the extrinsic reward arrives in {@code result} at the end)
 * @param done        whether the episode has ended
 * @param result      the scored episode, non-null exactly when {@code done}
 * @param achievedGoal on the step that ends a layer's kernel steps, when the kernels' LOW actions are not in the
 *                     goal's own units ({@link kernelwise.env.action.KernelAllocation#MAGNITUDE}): the goal, in
 *                     HIGH-action units, that the layer's kernels achieved (for goal relabelling); else null
 */
public record StepResult(double[] observation, Level next, double reward, boolean done, EpisodeResult result, double[] achievedGoal) {

    /** A step with no achieved goal to report. */
    public StepResult(double[] observation, Level next, double reward, boolean done, EpisodeResult result) {
        this(observation, next, reward, done, result, null);
    }
}
