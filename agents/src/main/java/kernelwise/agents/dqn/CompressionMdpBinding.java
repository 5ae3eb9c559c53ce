package kernelwise.agents.dqn;

import kernelwise.env.CompressionEnv;
import kernelwise.env.EpisodeResult;
import kernelwise.env.HierarchicalEnv;
import kernelwise.env.action.ActionMapper;
import kernelwise.env.rl4j.CompressionMdp;
import org.deeplearning4j.rl4j.mdp.MDP;
import org.deeplearning4j.rl4j.space.Box;
import org.deeplearning4j.rl4j.space.DiscreteSpace;

import java.util.function.Function;

/** The env's own RL4J view, {@link CompressionMdp}, on a {@link CompressionEnv} (or any env, given the levels). */
public final class CompressionMdpBinding implements MdpBinding {
    private final Function<HierarchicalEnv, CompressionMdp> views;

    /** @param sparsityChoices sparsity levels offered, capped at the env's own count */
    public CompressionMdpBinding(int sparsityChoices) {
        if (sparsityChoices <= 0) throw new IllegalArgumentException("sparsityChoices must be positive, found " + sparsityChoices);
        this.views = env -> {
            if (!(env instanceof CompressionEnv ce)) {
                throw new IllegalArgumentException("the dqn agent drives a CompressionEnv through its RL4J view; got " + env.getClass().getSimpleName());
            }
            ActionMapper mapper = ce.parts().actions();
            return new CompressionMdp(ce, mapper, Math.min(sparsityChoices, mapper.sparsityChoices()));
        };
    }

    private CompressionMdpBinding(Function<HierarchicalEnv, CompressionMdp> views) {
        this.views = views;
    }

    /** The view of any env whose actions {@code mapper} describes, offering all of its sparsity levels. */
    public static CompressionMdpBinding over(ActionMapper mapper) {
        return new CompressionMdpBinding(env -> new CompressionMdp(env, mapper, mapper.sparsityChoices()));
    }

    @Override
    public MDP<Box, Integer, DiscreteSpace> mdp(HierarchicalEnv env) {
        return views.apply(env);
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
