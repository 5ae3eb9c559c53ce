package kernelwise.agents.ddpg;

import kernelwise.agents.AgentConfig;
import kernelwise.env.HierarchicalEnv;

/**
 * The hierarchical agent (the AutoQ idea). A high-level DDPG observes each layer and picks (activation bits, goal
 * mean weight bits, goal sparsity); a low-level DDPG observes each kernel, with the layer's goal appended to the
 * env's kernel observation, and picks (weight bits, sparsity). The high level learns from the extrinsic episode
 * reward (less a moving baseline); the low level from the env's intrinsic goal reward plus
 * {@link AgentConfig#extrinsicShare()} of the normalised extrinsic reward, a layer being one low-level episode.
 * With {@link AgentConfig#relabelGoals()} the high level's stored goal is the goal its kernels achieved.
 * Needs an env with {@link HierarchicalEnv#kernelSteps()} true.
 */
public final class HierarchicalAgent extends DdpgAgentBase {
    public static final String NAME = "hierarchical";

    public HierarchicalAgent(AgentConfig cfg, HierarchicalEnv env, long seed) {
        super(NAME, cfg, env, seed, true);
    }

    @Override
    void checkEnv(HierarchicalEnv env) {
        if (!env.kernelSteps()) {
            throw new IllegalArgumentException("the hierarchical agent needs an env with kernel steps (kernelSteps() true); "
                    + "use the 'ddpg' agent for the flat per-layer view");
        }
    }
}
