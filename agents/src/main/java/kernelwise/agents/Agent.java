package kernelwise.agents;

import kernelwise.env.HierarchicalEnv;

import java.util.ArrayList;
import java.util.List;

/**
 * A decision maker for a {@link HierarchicalEnv}. The search loop knows agents only through this interface.
 * An agent owns its randomness (seeded at construction) and everything it learns; {@link #saveState()} captures
 * all of it, so that an agent restored with {@link #restoreState(byte[])} makes exactly the decisions the
 * uninterrupted one would have made.
 */
public interface Agent {

    /** A short name, e.g. {@code hierarchical}, {@code ddpg}, {@code random}. */
    String name();

    /** Plays episode number {@code episode} (0-based) on {@code env} exploring, learns from it, and returns what happened. */
    Episode runEpisode(HierarchicalEnv env, long episode);

    /**
     * The policy's plan now: one episode played with the agent's current policy, without exploration and without
     * learning, leaving the agent's state (networks, replay, random generator, counters) exactly as it was.
     * {@code episode} only numbers the returned episode.
     *
     * @throws UnsupportedOperationException for an agent that has no policy to follow (random search)
     */
    default Episode greedyEpisode(HierarchicalEnv env, long episode) {
        throw new UnsupportedOperationException("the " + name() + " agent has no policy to play greedily");
    }

    /**
     * Plays episodes {@code first .. first+count-1} and returns them in order. Agents that score whole plans (the
     * evolutionary baseline) override this to score a batch in parallel through
     * {@link HierarchicalEnv#evaluateAll}; their results then differ from {@code count} single calls (a batch is
     * bred from the population as it stood before the batch). The default plays them one after another.
     */
    default List<Episode> runEpisodes(HierarchicalEnv env, long first, int count) {
        if (count <= 0) throw new IllegalArgumentException("count must be positive, found " + count);
        List<Episode> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) out.add(runEpisode(env, first + i));
        return out;
    }

    /** Everything needed to continue exactly where this agent is: networks, updater state, replay, RNG, counters. */
    byte[] saveState();

    /** Restores a state written by {@link #saveState()} of an agent built with the same configuration. */
    void restoreState(byte[] state);
}
