package kernelwise.agents.ddpg;

/**
 * Hyper-parameters of one DDPG actor-critic (one level of the hierarchical agent, or the flat agent).
 *
 * @param hidden1          units of the first hidden layer (actor and critic)
 * @param hidden2          units of the second hidden layer
 * @param batchSize        transitions per gradient step
 * @param actorLr          Adam learning rate of the actor
 * @param criticLr         Adam learning rate of the critic
 * @param tau              Polyak factor of the soft target update, in (0,1]
 * @param gamma            discount, in [0,1]; used only by {@link Returns#BOOTSTRAP}
 * @param returns          how a transition's target is formed
 * @param noiseStart       width of the truncated-normal exploration noise in the first learning episode
 * @param noiseDecay       factor applied to the width after each episode, in (0,1]
 * @param noiseMin         the width never falls below this
 * @param warmupEpisodes   episodes of uniform random actions before learning starts
 * @param replayCapacity   transitions kept (a ring)
 * @param updatesPerEpisode gradient steps after each episode (once warm-up is over)
 * @param baselineAlpha    weight of the old value in the moving reward baseline, in [0,1)
 */
public record DdpgConfig(int hidden1, int hidden2, int batchSize, double actorLr, double criticLr, double tau,
                         double gamma, Returns returns, double noiseStart, double noiseDecay, double noiseMin,
                         int warmupEpisodes, int replayCapacity, int updatesPerEpisode, double baselineAlpha) {

    /** How the critic's regression target is formed. */
    public enum Returns {
        /**
         * Every transition of the episode carries the episode's reward and is terminal: the critic regresses
         * Q(s,a) on the Monte-Carlo return (gamma 1, reward only at the end). Fast for short episodes.
         */
        MONTE_CARLO,
        /** r + gamma * (1 - done) * Q'(s', mu'(s')), the textbook DDPG target. */
        BOOTSTRAP
    }

    public DdpgConfig {
        positive("hidden1", hidden1);
        positive("hidden2", hidden2);
        positive("batchSize", batchSize);
        positive("replayCapacity", replayCapacity);
        if (warmupEpisodes < 0) throw new IllegalArgumentException("warmupEpisodes must be >= 0, found " + warmupEpisodes);
        if (updatesPerEpisode < 0) throw new IllegalArgumentException("updatesPerEpisode must be >= 0, found " + updatesPerEpisode);
        if (!(actorLr > 0)) throw new IllegalArgumentException("actorLr must be positive, found " + actorLr);
        if (!(criticLr > 0)) throw new IllegalArgumentException("criticLr must be positive, found " + criticLr);
        if (!(tau > 0 && tau <= 1)) throw new IllegalArgumentException("tau must be in (0,1], found " + tau);
        if (!(gamma >= 0 && gamma <= 1)) throw new IllegalArgumentException("gamma must be in [0,1], found " + gamma);
        if (returns == null) throw new IllegalArgumentException("returns must not be null");
        if (!(noiseStart >= 0)) throw new IllegalArgumentException("noiseStart must be >= 0, found " + noiseStart);
        if (!(noiseDecay > 0 && noiseDecay <= 1)) throw new IllegalArgumentException("noiseDecay must be in (0,1], found " + noiseDecay);
        if (!(noiseMin >= 0 && noiseMin <= noiseStart)) {
            throw new IllegalArgumentException("noiseMin must be in [0, noiseStart=" + noiseStart + "], found " + noiseMin);
        }
        if (!(baselineAlpha >= 0 && baselineAlpha < 1)) throw new IllegalArgumentException("baselineAlpha must be in [0,1), found " + baselineAlpha);
    }

    /**
     * Defaults for the episodic high level (and the flat agent) on LeNet-5: 64-unit hidden layers, batch 64, lr
     * 1e-4/1e-3, tau 0.01, gamma 1 with Monte-Carlo returns, noise 0.5 decaying by 0.99 per episode, 10 warm-up
     * episodes, 20 gradient steps per episode.
     */
    public static DdpgConfig highDefaults() {
        return new DdpgConfig(64, 64, 64, 1e-4, 1e-3, 0.01, 1.0, Returns.MONTE_CARLO, 0.5, 0.99, 0.02,
                10, 20_000, 20, 0.9);
    }

    /**
     * Defaults for the kernel level: smaller networks (580 kernel steps per LeNet-5 episode), bootstrapped
     * targets with gamma 0.9 within a layer (a layer ends the low-level episode), more gradient steps, and a
     * narrow exploration noise (0.05): kernels explore around the action that follows their layer's goal, and a wide
     * per-kernel noise only scatters bits and thresholds (README, "Agents", gives the search scores behind it).
     */
    public static DdpgConfig lowDefaults() {
        return new DdpgConfig(32, 32, 64, 1e-4, 1e-3, 0.01, 0.9, Returns.BOOTSTRAP, 0.05, 0.99, 0.02,
                10, 100_000, 50, 0.9);
    }

    /** This configuration with other warm-up and update counts (tests and small benches). */
    public DdpgConfig withSchedule(int warmupEpisodes, int updatesPerEpisode) {
        return new DdpgConfig(hidden1, hidden2, batchSize, actorLr, criticLr, tau, gamma, returns, noiseStart,
                noiseDecay, noiseMin, warmupEpisodes, replayCapacity, updatesPerEpisode, baselineAlpha);
    }

    /** The exploration width in learning episode {@code n} (0 = the first episode after warm-up). */
    public double noiseAt(long n) {
        return Math.max(noiseMin, noiseStart * Math.pow(noiseDecay, Math.max(0, n)));
    }

    private static void positive(String name, int v) {
        if (v <= 0) throw new IllegalArgumentException(name + " must be positive, found " + v);
    }
}
