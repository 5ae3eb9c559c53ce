package kernelwise.agents;

import kernelwise.env.Level;

/**
 * One step of an episode as the run store keeps it.
 *
 * @param level       which controller acted
 * @param observation what it saw
 * @param action      what it chose, in [0,1]
 * @param reward      the step's reward (intrinsic for LOW steps; the extrinsic reward is in the episode result)
 */
public record Transition(Level level, double[] observation, double[] action, double reward) {
}
