package kernelwise.agents.dqn;

import kernelwise.env.EpisodeResult;
import kernelwise.env.HierarchicalEnv;
import kernelwise.env.action.ActionMapper;
import kernelwise.env.rl4j.CompressionMdp;
import org.deeplearning4j.rl4j.mdp.MDP;
import org.deeplearning4j.rl4j.space.Box;
import org.deeplearning4j.rl4j.space.DiscreteSpace;

/**
 * The env's own RL4J view, {@link CompressionMdp}, on a flat test env: 4 weight levels x 3 sparsity levels per
 * layer, activations at least as wide as the weights.
 */
final class SyntheticMdpBinding implements MdpBinding {
    private static final ActionMapper MAPPER = new ActionMapper(new int[]{1, 3, 5, 8}, new int[]{2, 4, 6, 8}, new double[]{0, 0.45, 0.9});

    @Override
    public MDP<Box, Integer, DiscreteSpace> mdp(HierarchicalEnv env) {
        return new CompressionMdp(env, MAPPER, MAPPER.sparsityChoices());
    }

    @Override
    public EpisodeResult lastResult(MDP<Box, Integer, DiscreteSpace> mdp) {
        return ((CompressionMdp) mdp).lastResult();
    }

    @Override
    public double[] highAction(MDP<Box, Integer, DiscreteSpace> mdp, int a) {
        return ((CompressionMdp) mdp).highAction(a);
    }
}
