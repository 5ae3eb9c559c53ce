package kernelwise.agents;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import kernelwise.agents.baseline.EvolutionConfig;
import kernelwise.agents.ddpg.DdpgConfig;
import kernelwise.agents.dqn.DqnConfig;

/**
 * Everything any agent needs, so one run configuration drives every agent. Defaults work on LeNet-5.
 *
 * @param high              the hierarchical agent's layer level, and the flat DDPG agent
 * @param low               the hierarchical agent's kernel level
 * @param extrinsicShare    share of the (baseline-normalised) extrinsic episode reward added to every LOW reward, in [0,1]
 * @param relabelGoals      HIRO-style correction: store each HIGH transition with the goal its layer's kernels
 *                          actually achieved (mean kernel actions) instead of the goal asked for
 * @param randomKernelSigma kernel actions drawn around the layer's goal (truncated normal of this width): the random
 *                          agent's, and the hierarchical agent's during its warm-up
 * @param randomHighSigma   layer actions drawn around the env's neutral HIGH action, where it has one
 *                          ({@link kernelwise.env.HierarchicalEnv#neutralHighAction()}; truncated normal of this width), else
 *                          uniform: the random agent's, the evolutionary agent's random start, and the DDPG agents' warm-up;
 *                          absent in configurations stored before it existed (their envs have no neutral action)
 * @param evolution         the evolutionary baseline
 * @param dqn               the RL4J DQN baseline
 */
public record AgentConfig(DdpgConfig high, DdpgConfig low, double extrinsicShare, boolean relabelGoals,
                          double randomKernelSigma, Double randomHighSigma, EvolutionConfig evolution, DqnConfig dqn) {

    /** Width of layer actions around the env's neutral HIGH action. */
    public static final double DEFAULT_HIGH_SIGMA = 0.2;

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public AgentConfig {
        if (high == null || low == null || evolution == null || dqn == null) {
            throw new IllegalArgumentException("high, low, evolution and dqn configurations must not be null");
        }
        if (!(extrinsicShare >= 0 && extrinsicShare <= 1)) throw new IllegalArgumentException("extrinsicShare must be in [0,1], found " + extrinsicShare);
        if (!(randomKernelSigma >= 0)) throw new IllegalArgumentException("randomKernelSigma must be >= 0, found " + randomKernelSigma);
        if (randomHighSigma == null) randomHighSigma = DEFAULT_HIGH_SIGMA;
        if (!(randomHighSigma > 0)) throw new IllegalArgumentException("randomHighSigma must be positive, found " + randomHighSigma);
    }

    /** Defaults for LeNet-5 (see each part's defaults); goal relabelling on. */
    public AgentConfig() {
        this(DdpgConfig.highDefaults(), DdpgConfig.lowDefaults(), 0.5, true, 0.05, DEFAULT_HIGH_SIGMA, EvolutionConfig.defaults(), DqnConfig.defaults());
    }

    public AgentConfig withRelabelGoals(boolean relabel) {
        return new AgentConfig(high, low, extrinsicShare, relabel, randomKernelSigma, randomHighSigma, evolution, dqn);
    }

    public AgentConfig withLevels(DdpgConfig high, DdpgConfig low) {
        return new AgentConfig(high, low, extrinsicShare, relabelGoals, randomKernelSigma, randomHighSigma, evolution, dqn);
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("agent configuration could not be written as JSON", e);
        }
    }

    /** @throws IllegalArgumentException if the text is not a valid configuration, naming what is wrong */
    public static AgentConfig fromJson(String json) {
        try {
            AgentConfig c = JSON.readValue(json, AgentConfig.class);
            if (c == null) throw new IllegalArgumentException("not a valid agent configuration: the text holds null, not an object");
            return c;
        } catch (JsonProcessingException e) {
            Throwable c = e.getCause() instanceof IllegalArgumentException iae ? iae : e;
            String m = c instanceof JsonProcessingException jpe ? jpe.getOriginalMessage() : c.getMessage();
            throw new IllegalArgumentException("not a valid agent configuration: " + m, e);
        }
    }
}
