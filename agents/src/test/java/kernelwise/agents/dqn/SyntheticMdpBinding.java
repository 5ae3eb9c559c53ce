package kernelwise.agents.dqn;

import kernelwise.env.EpisodeResult;
import kernelwise.env.HierarchicalEnv;
import kernelwise.env.StepResult;
import org.deeplearning4j.gym.StepReply;
import org.deeplearning4j.rl4j.mdp.MDP;
import org.deeplearning4j.rl4j.space.ArrayObservationSpace;
import org.deeplearning4j.rl4j.space.Box;
import org.deeplearning4j.rl4j.space.DiscreteSpace;
import org.deeplearning4j.rl4j.space.ObservationSpace;

/** A discrete view of a flat test env: 4 weight levels x 3 sparsity levels per layer, activations = weights. */
final class SyntheticMdpBinding implements MdpBinding {
    static final int W = 4;
    static final int S = 3;

    @Override
    public MDP<Box, Integer, DiscreteSpace> mdp(HierarchicalEnv env) {
        return new View(env);
    }

    @Override
    public EpisodeResult lastResult(MDP<Box, Integer, DiscreteSpace> mdp) {
        return ((View) mdp).last;
    }

    @Override
    public double[] highAction(MDP<Box, Integer, DiscreteSpace> mdp, int a) {
        double w = (double) (a / S) / (W - 1);
        return new double[]{w, w, (double) (a % S) / (S - 1)};
    }

    private final class View implements MDP<Box, Integer, DiscreteSpace> {
        private final HierarchicalEnv env;
        private boolean done = true;
        private EpisodeResult last;

        View(HierarchicalEnv env) {
            this.env = env;
        }

        @Override
        public ObservationSpace<Box> getObservationSpace() {
            return new ArrayObservationSpace<>(new int[]{env.highObservationSize()});
        }

        @Override
        public DiscreteSpace getActionSpace() {
            return new DiscreteSpace(W * S);
        }

        @Override
        public Box reset() {
            done = false;
            return new Box(env.reset());
        }

        @Override
        public StepReply<Box> step(Integer action) {
            StepResult r = env.step(highAction(this, action));
            if (r.done()) {
                done = true;
                last = r.result();
                return new StepReply<>(new Box(new double[env.highObservationSize()]), last.reward(), true, null);
            }
            return new StepReply<>(new Box(r.observation()), 0, false, null);
        }

        @Override
        public boolean isDone() {
            return done;
        }

        @Override
        public void close() {
        }

        @Override
        public MDP<Box, Integer, DiscreteSpace> newInstance() {
            return new View(env);
        }
    }
}
