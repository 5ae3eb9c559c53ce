package kernelwise.agents.util;

import kernelwise.agents.Transition;
import kernelwise.env.EpisodeResult;
import kernelwise.env.HierarchicalEnv;
import kernelwise.env.Level;
import kernelwise.env.StepResult;

import java.util.ArrayList;
import java.util.List;

/**
 * Plays one episode through the env's steps (reset, then HIGH and LOW steps until done) for agents that step the
 * env, recording the trajectory and timing the env apart from the agent.
 */
public final class EpisodeLoop {

    /** Chooses each step's action; told of each step's outcome. */
    public interface Policy {
        /** The action, in [0,1], for a step at {@code level} seeing {@code observation}. */
        double[] act(Level level, double[] observation);

        /** Called after the env took {@code action} at {@code level} with outcome {@code step}. */
        default void stepped(Level level, double[] action, StepResult step) {
        }
    }

    /**
     * One episode played.
     *
     * @param trajectory every step as the run store keeps it
     * @param result     the episode's result (the last step's)
     * @param envNanos   nanoseconds spent in the env's reset and steps
     */
    public record Played(List<Transition> trajectory, EpisodeResult result, long envNanos) {
    }

    private EpisodeLoop() {
    }

    /** Plays one episode of {@code env} with {@code policy}. */
    public static Played play(HierarchicalEnv env, Policy policy) {
        List<Transition> trajectory = new ArrayList<>();
        long t = System.nanoTime();
        double[] obs = env.reset();
        long envNanos = System.nanoTime() - t;
        StepResult sr;
        do {
            Level level = env.level();
            double[] action = policy.act(level, obs);
            t = System.nanoTime();
            sr = env.step(action);
            envNanos += System.nanoTime() - t;
            policy.stepped(level, action, sr);
            trajectory.add(new Transition(level, obs, action, sr.reward()));
            obs = sr.observation();
        } while (!sr.done());
        return new Played(trajectory, sr.result(), envNanos);
    }
}
