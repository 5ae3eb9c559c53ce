package kernelwise.agents;

import kernelwise.agents.baseline.EvolutionaryAgent;
import kernelwise.agents.baseline.RandomAgent;
import kernelwise.agents.ddpg.FlatDdpgAgent;
import kernelwise.agents.ddpg.HierarchicalAgent;
import kernelwise.agents.dqn.CompressionMdpBinding;
import kernelwise.agents.dqn.DqnAgent;
import kernelwise.env.HierarchicalEnv;

import java.util.List;

/** Builds agents by name, so {@code search} never needs to know which agent it drives. */
public final class Agents {
    /** The known agent names, in the order the CLI lists them. */
    public static final List<String> NAMES = List.of(HierarchicalAgent.NAME, FlatDdpgAgent.NAME, DqnAgent.NAME,
            RandomAgent.NAME, EvolutionaryAgent.NAME);

    private Agents() {
    }

    /**
     * A new agent. {@code env} gives the observation and action sizes and the network spec (the agent keeps no
     * reference to it, except the dqn agent, which binds to the env of its first episode);
     * {@code seed} is the agent's only source of randomness.
     *
     * @throws IllegalArgumentException naming the unknown agent and the known ones
     */
    public static Agent create(String name, AgentConfig cfg, HierarchicalEnv env, long seed) {
        if (cfg == null) throw new IllegalArgumentException("agent configuration must not be null");
        return switch (name == null ? "" : name) {
            case HierarchicalAgent.NAME -> new HierarchicalAgent(cfg, env, seed);
            case FlatDdpgAgent.NAME -> new FlatDdpgAgent(cfg, env, seed);
            case DqnAgent.NAME -> new DqnAgent(cfg, new CompressionMdpBinding(cfg.dqn().sparsityChoices()), seed);
            case RandomAgent.NAME -> new RandomAgent(cfg, seed);
            case EvolutionaryAgent.NAME -> new EvolutionaryAgent(cfg, env, seed);
            default -> throw new IllegalArgumentException("unknown agent '" + name + "'; known agents: " + String.join(", ", NAMES));
        };
    }

    /**
     * Whether agent {@code name} drives the env's kernel steps ({@code true}: hierarchical), the flat per-layer view
     * ({@code false}: ddpg, dqn), or either (random and evolutionary: the hierarchical view, so that random
     * search explores the same space as the hierarchical agent).
     */
    public static boolean wantsKernelSteps(String name) {
        return switch (name == null ? "" : name) {
            case HierarchicalAgent.NAME, RandomAgent.NAME, EvolutionaryAgent.NAME -> true;
            case FlatDdpgAgent.NAME, DqnAgent.NAME -> false;
            default -> throw new IllegalArgumentException("unknown agent '" + name + "'; known agents: " + String.join(", ", NAMES));
        };
    }
}
