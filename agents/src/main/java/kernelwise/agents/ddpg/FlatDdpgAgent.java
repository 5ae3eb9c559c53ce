package kernelwise.agents.ddpg;

import kernelwise.agents.AgentConfig;
import kernelwise.env.HierarchicalEnv;

/**
 * The flat DDPG baseline (HAQ/AMC): one decision per layer, (activation bits, weight bits, sparsity), every kernel
 * of the layer taking it. It drives only the env's flat view and refuses an env whose
 * {@link HierarchicalEnv#kernelSteps()} is true (rather than answering LOW steps by copying the layer decision,
 * which would only slow the episode down). Hyper-parameters are {@link AgentConfig#high()}.
 */
public final class FlatDdpgAgent extends DdpgAgentBase {
    public static final String NAME = "ddpg";

    public FlatDdpgAgent(AgentConfig cfg, HierarchicalEnv env, long seed) {
        super(NAME, cfg, env, seed, false);
    }

    @Override
    void checkEnv(HierarchicalEnv env) {
        if (env.kernelSteps()) {
            throw new IllegalArgumentException("the flat 'ddpg' agent makes one decision per layer and needs the env's flat view "
                    + "(kernelSteps() false); this env asks for kernel steps");
        }
    }
}
