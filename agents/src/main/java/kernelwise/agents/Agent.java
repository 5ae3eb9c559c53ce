package kernelwise.agents;

import kernelwise.env.HierarchicalEnv;

/**
 * A decision maker for a {@link HierarchicalEnv}. The search loop knows agents only through this interface.
 * An agent owns its randomness (seeded at construction) and everything it learns; {@link #saveState()} captures
 * all of it, so that an agent restored with {@link #restoreState(byte[])} makes exactly the decisions the
 * uninterrupted one would have made.
 */
public interface Agent {

    /** A short name, e.g. {@code hierarchical}, {@code ddpg}, {@code random}. */
    String name();

    /** Plays episode number {@code episode} (0-based) on {@code env}, learns from it, and returns what happened. */
    Episode runEpisode(HierarchicalEnv env, long episode);

    /** Everything needed to continue exactly where this agent is: networks, updater state, replay, RNG, counters. */
    byte[] saveState();

    /** Restores a state written by {@link #saveState()} of an agent built with the same configuration. */
    void restoreState(byte[] state);
}
