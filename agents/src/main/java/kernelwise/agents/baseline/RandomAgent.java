package kernelwise.agents.baseline;

import kernelwise.agents.Agent;
import kernelwise.agents.AgentConfig;
import kernelwise.agents.Episode;
import kernelwise.agents.Transition;
import kernelwise.agents.util.Rng;
import kernelwise.agents.util.StateIO;
import kernelwise.env.HierarchicalEnv;
import kernelwise.env.Level;
import kernelwise.env.StepResult;

import java.util.ArrayList;
import java.util.List;

/**
 * Random search through the env's own action mapping and budget projection, so it explores exactly the space the
 * learning agents do: each HIGH action uniform in [0,1]^3; each LOW action a truncated normal of width
 * {@link AgentConfig#randomKernelSigma()} around the layer's goal (i.i.d. uniform kernels would pin every layer's
 * mean near the middle). Works on both views of the env. One episode = one plan scored.
 */
public final class RandomAgent implements Agent {
    public static final String NAME = "random";

    private final double sigma;
    private final Rng rng;
    private long episodesRun;

    public RandomAgent(AgentConfig cfg, long seed) {
        this.sigma = cfg.randomKernelSigma();
        this.rng = new Rng(seed);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Episode runEpisode(HierarchicalEnv env, long episode) {
        long start = System.nanoTime();
        long envNanos = 0;
        List<Transition> trajectory = new ArrayList<>();
        double goalBits = 0.5;
        double goalSparsity = 0.5;
        long t = System.nanoTime();
        double[] obs = env.reset();
        envNanos += System.nanoTime() - t;
        StepResult sr;
        do {
            Level level = env.level();
            double[] a = new double[level == Level.HIGH ? env.highActionSize() : env.lowActionSize()];
            if (level == Level.HIGH) {
                for (int i = 0; i < a.length; i++) a[i] = rng.nextDouble();
                goalBits = a[1];
                goalSparsity = a[2];
            } else {
                a[0] = rng.truncatedNormal(goalBits, sigma, 0, 1);
                a[1] = rng.truncatedNormal(goalSparsity, sigma, 0, 1);
            }
            t = System.nanoTime();
            sr = env.step(a);
            envNanos += System.nanoTime() - t;
            trajectory.add(new Transition(level, obs, a, sr.reward()));
            obs = sr.observation();
        } while (!sr.done());
        episodesRun++;
        return new Episode(episode, trajectory, sr.result(), (System.nanoTime() - start - envNanos) / 1e9);
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
