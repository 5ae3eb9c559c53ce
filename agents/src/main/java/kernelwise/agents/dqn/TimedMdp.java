package kernelwise.agents.dqn;

import kernelwise.agents.Transition;
import kernelwise.env.Level;
import org.deeplearning4j.gym.StepReply;
import org.deeplearning4j.rl4j.mdp.MDP;
import org.deeplearning4j.rl4j.space.Box;
import org.deeplearning4j.rl4j.space.DiscreteSpace;
import org.deeplearning4j.rl4j.space.ObservationSpace;
import org.nd4j.linalg.api.rng.Random;

import java.util.ArrayList;
import java.util.List;

/**
 * Wraps an MDP to time the env's share of an episode and record its trajectory for the run store. Its action space
 * draws random actions from the generator given here, not from the inner MDP's (RL4J's {@code DiscreteSpace(n)}
 * uses ND4J's global one), so that the learner's exploration depends on the learner's generator only.
 */
final class TimedMdp implements MDP<Box, Integer, DiscreteSpace> {
    private final MDP<Box, Integer, DiscreteSpace> inner;
    private final MdpBinding binding;
    private final Random rnd;
    private final DiscreteSpace actions;
    private final List<Transition> trajectory = new ArrayList<>();
    private double[] lastObs;
    private long envNanos;

    TimedMdp(MDP<Box, Integer, DiscreteSpace> inner, MdpBinding binding, Random rnd) {
        this.inner = inner;
        this.binding = binding;
        this.rnd = rnd;
        this.actions = new DiscreteSpace(inner.getActionSpace().getSize(), rnd);
    }

    MDP<Box, Integer, DiscreteSpace> inner() {
        return inner;
    }

    /** Clears the trajectory and the env clock before an episode. */
    void startEpisode() {
        trajectory.clear();
        envNanos = 0;
    }

    List<Transition> trajectory() {
        return List.copyOf(trajectory);
    }

    long envNanos() {
        return envNanos;
    }

    @Override
    public ObservationSpace<Box> getObservationSpace() {
        return inner.getObservationSpace();
    }

    @Override
    public DiscreteSpace getActionSpace() {
        return actions;
    }

    @Override
    public Box reset() {
        long t = System.nanoTime();
        Box b = inner.reset();
        envNanos += System.nanoTime() - t;
        lastObs = b.toArray();
        return b;
    }

    @Override
    public StepReply<Box> step(Integer action) {
        long t = System.nanoTime();
        StepReply<Box> r = inner.step(action);
        envNanos += System.nanoTime() - t;
        trajectory.add(new Transition(Level.HIGH, lastObs, binding.highAction(inner, action), r.getReward()));
        lastObs = r.getObservation().toArray();
        return r;
    }

    @Override
    public boolean isDone() {
        return inner.isDone();
    }

    @Override
    public void close() {
        inner.close();
    }

    @Override
    public MDP<Box, Integer, DiscreteSpace> newInstance() {
        return new TimedMdp(inner.newInstance(), binding, rnd);
    }
}
