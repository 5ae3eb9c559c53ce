package kernelwise.agents;

import kernelwise.env.EpisodeResult;

import java.util.List;

/**
 * One finished episode.
 *
 * @param index        episode number, 0-based
 * @param trajectory   the steps taken (empty for agents that score whole plans, e.g. evolutionary)
 * @param result       the scored plan and its reward
 * @param agentSeconds wall time the agent spent choosing actions and learning
 */
public record Episode(long index, List<Transition> trajectory, EpisodeResult result, double agentSeconds) {
}
