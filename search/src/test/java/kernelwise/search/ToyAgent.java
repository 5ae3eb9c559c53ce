package kernelwise.search;

import kernelwise.agents.Agent;
import kernelwise.agents.Episode;
import kernelwise.agents.Transition;
import kernelwise.env.HierarchicalEnv;
import kernelwise.env.Level;
import kernelwise.env.StepResult;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A small real agent for loop and resume tests: actions are a learned centre plus decaying noise from its own
 * SplitMix64 generator; after each episode the centre moves toward the actions of the best episode so far. Its
 * state (generator, centre, best reward, and a replay of every action taken) round-trips through bytes.
 */
public final class ToyAgent implements Agent {
    private long rng;
    private double bestReward = Double.NEGATIVE_INFINITY;
    private double[] centre = {0.5, 0.5, 0.5};
    private final List<double[]> replay = new ArrayList<>();

    public ToyAgent(long seed) {
        this.rng = seed;
    }

    @Override
    public String name() {
        return "toy";
    }

    @Override
    public Episode runEpisode(HierarchicalEnv env, long episode) {
        long t0 = System.nanoTime();
        double noise = 0.5 / Math.sqrt(1 + episode);
        List<Transition> steps = new ArrayList<>();
        double[] obs = env.reset();
        StepResult r;
        do {
            Level level = env.level();
            int n = level == Level.HIGH ? env.highActionSize() : env.lowActionSize();
            double[] a = new double[n];
            for (int i = 0; i < n; i++) a[i] = clamp(centre[i] + noise * (2 * nextDouble() - 1));
            r = env.step(a);
            steps.add(new Transition(level, obs, a, r.reward()));
            replay.add(a);
            obs = r.observation();
        } while (!r.done());
        if (r.result().reward() > bestReward) {
            bestReward = r.result().reward();
            double[] mean = new double[3];
            int count = 0;
            for (Transition t : steps) {
                if (t.level() == Level.LOW) {
                    mean[0] += t.action()[0];
                    mean[1] += t.action()[1];
                    count++;
                }
            }
            centre = new double[]{0.5 * centre[0] + 0.5 * mean[0] / count, 0.5 * centre[1] + 0.5 * mean[1] / count, centre[2]};
        }
        return new Episode(episode, steps, r.result(), (System.nanoTime() - t0) / 1e9 - r.result().scoreSeconds());
    }

    private double nextDouble() {
        long z = (rng += 0x9E3779B97F4A7C15L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return ((z ^ (z >>> 31)) >>> 11) * 0x1.0p-53;
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }

    @Override
    public byte[] saveState() {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(b)) {
            out.writeLong(rng);
            out.writeDouble(bestReward);
            for (double c : centre) out.writeDouble(c);
            out.writeInt(replay.size());
            for (double[] a : replay) {
                out.writeByte(a.length);
                for (double v : a) out.writeDouble(v);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return b.toByteArray();
    }

    @Override
    public void restoreState(byte[] state) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(state))) {
            rng = in.readLong();
            bestReward = in.readDouble();
            centre = new double[]{in.readDouble(), in.readDouble(), in.readDouble()};
            replay.clear();
            int n = in.readInt();
            for (int i = 0; i < n; i++) {
                double[] a = new double[in.readByte()];
                for (int j = 0; j < a.length; j++) a[j] = in.readDouble();
                replay.add(a);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
