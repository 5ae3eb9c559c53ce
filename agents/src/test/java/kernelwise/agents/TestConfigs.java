package kernelwise.agents;

import kernelwise.agents.ddpg.DdpgConfig;
import kernelwise.env.SyntheticEnv;

/** Small configurations that keep the tests fast. */
final class TestConfigs {
    private TestConfigs() {
    }

    static DdpgConfig tiny(DdpgConfig.Returns returns, double gamma) {
        return new DdpgConfig(16, 16, 16, 1e-3, 1e-2, 0.05, gamma, returns, 0.5, 0.95, 0.02, 2, 1_000, 3, 0.9);
    }

    /** Tiny networks, 2 warm-up episodes, 3 gradient steps per episode. */
    static AgentConfig tiny() {
        return new AgentConfig().withLevels(tiny(DdpgConfig.Returns.MONTE_CARLO, 1.0), tiny(DdpgConfig.Returns.BOOTSTRAP, 0.9));
    }

    static HierarchicalEnvFactory envs() {
        return kernelSteps -> new SyntheticEnv(2, 5, kernelSteps);
    }

    interface HierarchicalEnvFactory {
        SyntheticEnv create(boolean kernelSteps);
    }
}
