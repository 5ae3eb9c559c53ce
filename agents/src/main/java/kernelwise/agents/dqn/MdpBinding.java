package kernelwise.agents.dqn;

import kernelwise.env.EpisodeResult;
import kernelwise.env.HierarchicalEnv;
import org.deeplearning4j.rl4j.mdp.MDP;
import org.deeplearning4j.rl4j.space.Box;
import org.deeplearning4j.rl4j.space.DiscreteSpace;

/** How the DQN agent sees a {@link HierarchicalEnv} as an RL4J discrete MDP ({@link CompressionMdp}). */
public interface MdpBinding {

    /** The discrete MDP view of {@code env}: one MDP step per layer, kernels following the layer's choice. */
    MDP<Box, Integer, DiscreteSpace> mdp(HierarchicalEnv env);

    /** The result of the episode that {@code mdp} finished last. */
    EpisodeResult lastResult(MDP<Box, Integer, DiscreteSpace> mdp);

    /** The env's HIGH action in [0,1] that discrete action {@code a} stands for (for the stored trajectory). */
    double[] highAction(MDP<Box, Integer, DiscreteSpace> mdp, int a);
}
