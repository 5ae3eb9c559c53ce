/**
 * The decision makers. {@link kernelwise.agents.Agent} is the one interface the search loop drives
 * ({@code runEpisode}, {@code runEpisodes}, {@code saveState}, {@code restoreState}); {@link kernelwise.agents.Agents}
 * builds one by name ({@code hierarchical}, {@code ddpg}, {@code dqn}, {@code random}, {@code evolutionary}) from an
 * {@link kernelwise.agents.AgentConfig}; {@link kernelwise.agents.AgentComparison} runs several side by side.
 *
 * <ul>
 *   <li>{@code kernelwise.agents.ddpg}: DDPG on DL4J ({@code ActorCritic}, {@code ReplayBuffer}, {@code DdpgLevel}),
 *       the hierarchical agent (layer level + kernel level) and the flat per-layer DDPG baseline;</li>
 *   <li>{@code kernelwise.agents.dqn}: RL4J's {@code QLearningDiscreteDense} on {@code CompressionMdp}, the env seen as an RL4J {@code MDP};</li>
 *   <li>{@code kernelwise.agents.baseline}: random search and the evolutionary baseline;</li>
 *   <li>{@code kernelwise.agents.util}: the serialisable PRNG and the state format.</li>
 * </ul>
 * Every agent draws its randomness from the seed it is built with; no library code seeds a global generator (DL4J
 * seeds its weight initialisation from each network's configuration seed, derived from the agent seed).
 */
package kernelwise.agents;
