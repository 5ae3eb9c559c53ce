package kernelwise.agents.dqn;

import kernelwise.env.CompressionEnv;
import kernelwise.env.EpisodeResult;
import kernelwise.env.HierarchicalEnv;
import kernelwise.env.rl4j.CompressionMdp;
import org.deeplearning4j.rl4j.mdp.MDP;
import org.deeplearning4j.rl4j.space.Box;
import org.deeplearning4j.rl4j.space.DiscreteSpace;

/** The env's own RL4J view, {@link CompressionMdp}, on a {@link CompressionEnv}. */
public final class CompressionMdpBinding implements MdpBinding {
    private final int sparsityChoices;

    /** @param sparsityChoices sparsity levels offered, capped at the env's own count */
    public CompressionMdpBinding(int sparsityChoices) {
        if (sparsityChoices <= 0) throw new IllegalArgumentException("sparsityChoices must be positive, found " + sparsityChoices);
        this.sparsityChoices = sparsityChoices;
    }

    @Override
    public MDP<Box, Integer, DiscreteSpace> mdp(HierarchicalEnv env) {
        if (!(env instanceof CompressionEnv ce)) {
            throw new IllegalArgumentException("the dqn agent drives a CompressionEnv through its RL4J view; got " + env.getClass().getSimpleName());
        }
        var mapper = ce.parts().actions();
        return new CompressionMdp(ce, mapper, Math.min(sparsityChoices, mapper.sparsityChoices()));
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
