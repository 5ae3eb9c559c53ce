package kernelwise.agents.dqn;

import kernelwise.env.EpisodeResult;
import kernelwise.env.HierarchicalEnv;
import org.deeplearning4j.rl4j.mdp.MDP;
import org.deeplearning4j.rl4j.space.Box;
import org.deeplearning4j.rl4j.space.DiscreteSpace;

/** The {@link CompressionMdp} view of any env, over the levels of its {@link HierarchicalEnv#actions()}. */
public final class CompressionMdpBinding implements MdpBinding {
    private final int sparsityChoices;

    /** @param sparsityChoices sparsity levels offered, capped at the env's own count */
    public CompressionMdpBinding(int sparsityChoices) {
        if (sparsityChoices <= 0) throw new IllegalArgumentException("sparsityChoices must be positive, found " + sparsityChoices);
        this.sparsityChoices = sparsityChoices;
    }

    @Override
    public MDP<Box, Integer, DiscreteSpace> mdp(HierarchicalEnv env) {
        return new CompressionMdp(env, Math.min(sparsityChoices, env.actions().sparsityChoices()));
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
