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
 */
public record StepResult(double[] observation, Level next, double reward, boolean done, EpisodeResult result) {
}
