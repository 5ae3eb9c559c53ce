package kernelwise.search.store;

import kernelwise.agents.Transition;
import kernelwise.env.Level;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The steps of one episode in compact form: per step its level, observation, action and reward, as floats
 * (the store's precision; the agent keeps its own in its checkpoint).
 */
public final class Trajectory {
    private final Level[] levels;
    private final float[][] observations;
    private final float[][] actions;
    private final float[] rewards;

    public Trajectory(Level[] levels, float[][] observations, float[][] actions, float[] rewards) {
        int n = levels.length;
        if (observations.length != n || actions.length != n || rewards.length != n) {
            throw new IllegalArgumentException("trajectory arrays must have one entry per step: levels " + n
                    + ", observations " + observations.length + ", actions " + actions.length + ", rewards " + rewards.length);
        }
        this.levels = levels.clone();
        this.observations = observations.clone();
        this.actions = actions.clone();
        this.rewards = rewards.clone();
    }

    public static Trajectory of(List<Transition> steps) {
        int n = steps.size();
        Level[] levels = new Level[n];
        float[][] obs = new float[n][];
        float[][] act = new float[n][];
        float[] rew = new float[n];
        for (int i = 0; i < n; i++) {
            Transition t = steps.get(i);
            levels[i] = t.level();
            obs[i] = toFloats(t.observation());
            act[i] = toFloats(t.action());
            rew[i] = (float) t.reward();
        }
        return new Trajectory(levels, obs, act, rew);
    }

    public static Trajectory empty() {
        return new Trajectory(new Level[0], new float[0][], new float[0][], new float[0]);
    }

    public int steps() {
        return levels.length;
    }

    public Level level(int step) {
        return levels[step];
    }

    public float[] observation(int step) {
        return observations[step].clone();
    }

    public float[] action(int step) {
        return actions[step].clone();
    }

    public float reward(int step) {
        return rewards[step];
    }

    /** Back to transitions (floats widened to doubles). */
    public List<Transition> transitions() {
        List<Transition> out = new ArrayList<>(levels.length);
        for (int i = 0; i < levels.length; i++) {
            out.add(new Transition(levels[i], toDoubles(observations[i]), toDoubles(actions[i]), rewards[i]));
        }
        return out;
    }

    private static float[] toFloats(double[] d) {
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) f[i] = (float) d[i];
        return f;
    }

    private static double[] toDoubles(float[] f) {
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) d[i] = f[i];
        return d;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Trajectory t && Arrays.equals(levels, t.levels) && Arrays.deepEquals(observations, t.observations)
                && Arrays.deepEquals(actions, t.actions) && Arrays.equals(rewards, t.rewards);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.deepHashCode(observations) + Arrays.hashCode(rewards);
    }

    @Override
    public String toString() {
        return "Trajectory[" + levels.length + " steps]";
    }
}
