/** The environment through RL4J's {@code MDP} interface, per-layer discrete actions, for RL4J's DQN. */
package kernelwise.env.rl4j;
