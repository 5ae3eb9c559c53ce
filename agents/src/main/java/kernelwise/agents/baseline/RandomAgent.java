package kernelwise.agents.baseline;

import kernelwise.agents.Agent;
import kernelwise.agents.AgentConfig;
import kernelwise.agents.Episode;
import kernelwise.agents.util.EpisodeLoop;
import kernelwise.agents.util.Rng;
import kernelwise.agents.util.StateIO;
import kernelwise.env.HierarchicalEnv;
import kernelwise.env.Level;

/**
 * Random search through the env's own action mapping and budget projection, so it explores exactly the space the
 * learning agents do: each HIGH action uniform in [0,1]^3; each LOW action a truncated normal of width
 * {@link AgentConfig#randomKernelSigma()} around the action that follows the layer's goal
 * ({@link HierarchicalEnv#neutralLowAction}; i.i.d. uniform kernels would pin every layer's mean near the middle). Works on both views of the env. One episode = one plan scored.
 */
public final class RandomAgent implements Agent {
    public static final String NAME = "random";

    private final double sigma;
    private final double highSigma;
    private final Rng rng;
    private long episodesRun;

    public RandomAgent(AgentConfig cfg, long seed) {
        this.sigma = cfg.randomKernelSigma();
        this.highSigma = cfg.randomHighSigma();
        this.rng = new Rng(seed);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Episode runEpisode(HierarchicalEnv env, long episode) {
        long start = System.nanoTime();
        EpisodeLoop.Played played = EpisodeLoop.play(env, new EpisodeLoop.Policy() {
            private double goalBits = 0.5;
            private double goalSparsity = 0.5;

            @Override
            public double[] act(Level level, double[] observation) {
                double[] a = new double[level == Level.HIGH ? env.highActionSize() : env.lowActionSize()];
                if (level == Level.HIGH) {
                    double[] centre = env.neutralHighAction();
                    for (int i = 0; i < a.length; i++) a[i] = centre == null ? rng.nextDouble() : rng.truncatedNormal(centre[i], highSigma, 0, 1);
                    goalBits = a[1];
                    goalSparsity = a[2];
                } else {
                    double[] centre = env.neutralLowAction(new double[]{goalBits, goalSparsity});
                    a[0] = rng.truncatedNormal(centre[0], sigma, 0, 1);
                    a[1] = rng.truncatedNormal(centre[1], sigma, 0, 1);
                }
                return a;
            }
        });
        episodesRun++;
        return new Episode(episode, played.trajectory(), played.result(), (System.nanoTime() - start - played.envNanos()) / 1e9);
    }

    @Override
    public byte[] saveState() {
        return StateIO.save(NAME, out -> {
            out.writeLong(episodesRun);
            out.writeLong(rng.state());
        });
    }

    @Override
    public void restoreState(byte[] state) {
        StateIO.restore(NAME, state, in -> {
            episodesRun = in.readLong();
            rng.setState(in.readLong());
        });
    }
}
