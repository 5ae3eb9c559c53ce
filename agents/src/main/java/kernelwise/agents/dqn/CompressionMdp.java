package kernelwise.agents.dqn;

import kernelwise.env.EpisodeResult;
import kernelwise.env.HierarchicalEnv;
import kernelwise.env.Level;
import kernelwise.env.StepResult;
import kernelwise.env.action.ActionMapper;
import org.deeplearning4j.gym.StepReply;
import org.deeplearning4j.rl4j.mdp.MDP;
import org.deeplearning4j.rl4j.space.ArrayObservationSpace;
import org.deeplearning4j.rl4j.space.Box;
import org.deeplearning4j.rl4j.space.DiscreteSpace;
import org.deeplearning4j.rl4j.space.ObservationSpace;

/**
 * A {@link HierarchicalEnv} seen through RL4J's {@link MDP} with a discrete action space, so RL4J's DQN
 * ({@code QLearningDiscreteDense}) runs on it unchanged. One MDP step decides one layer: action
 * {@code i = w * sparsityChoices + s} picks weight-bit level {@code w} and sparsity choice {@code s} (evenly spaced
 * among the env's sparsity levels, {@link HierarchicalEnv#actions()}); activations take the smallest activation level at least as wide as the weights
 * (HAQ's flat setting); every kernel of the layer follows the layer's choice (LOW steps, if the env has them, are
 * taken here). Observations are the env's HIGH observations; the reward is 0 until the last layer, then the
 * episode's extrinsic reward. The MDP does not own the env: {@link #close()} leaves it open, and
 * {@link #newInstance()} shares it (fine for RL4J's synchronous learners, not for its async ones).
 */
public final class CompressionMdp implements MDP<Box, Integer, DiscreteSpace> {

    private final HierarchicalEnv env;
    private final ActionMapper mapper;
    private final int[] sparsityChoice;
    private final DiscreteSpace actions;
    private final ObservationSpace<Box> observations;
    private boolean done = true;
    private EpisodeResult last;

    /**
     * @param sparsityChoices how many of the env's sparsity levels the discrete view offers (evenly spaced, first
     *                        and last included), 1..levels
     */
    public CompressionMdp(HierarchicalEnv env, int sparsityChoices) {
        this.env = env;
        this.mapper = env.actions();
        if (sparsityChoices < 1 || sparsityChoices > mapper.sparsityChoices()) {
            throw new IllegalArgumentException("sparsityChoices must be 1.." + mapper.sparsityChoices() + ", found " + sparsityChoices);
        }
        this.sparsityChoice = new int[sparsityChoices];
        for (int s = 0; s < sparsityChoices; s++) {
            sparsityChoice[s] = sparsityChoices == 1 ? 0 : (int) Math.round((double) s * (mapper.sparsityChoices() - 1) / (sparsityChoices - 1));
        }
        this.actions = new DiscreteSpace(mapper.weightChoices() * sparsityChoices);
        this.observations = new ArrayObservationSpace<>(new int[]{env.highObservationSize()});
    }

    @Override
    public ObservationSpace<Box> getObservationSpace() {
        return observations;
    }

    @Override
    public DiscreteSpace getActionSpace() {
        return actions;
    }

    @Override
    public Box reset() {
        done = false;
        last = null;
        return new Box(env.reset());
    }

    /** The env's HIGH action for discrete action {@code a}: activation, goal weight bits and goal sparsity in [0,1]. */
    public double[] highAction(int a) {
        if (a < 0 || a >= actions.getSize()) throw new IllegalArgumentException("action must be 0.." + (actions.getSize() - 1) + ", found " + a);
        int w = a / sparsityChoice.length;
        int s = sparsityChoice[a % sparsityChoice.length];
        int bits = mapper.weightLevels()[w];
        return new double[]{mapper.activationAction(mapper.activationChoiceAtLeast(bits)), mapper.weightAction(w), mapper.sparsityAction(s)};
    }

    @Override
    public StepReply<Box> step(Integer action) {
        if (done) throw new IllegalStateException("episode is over: call reset()");
        double[] high = highAction(action);
        StepResult r = env.step(high);
        double[] follow = {high[1], high[2]};
        while (!r.done() && env.level() == Level.LOW) r = env.step(follow);
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

    /** The last finished episode's result, or null before the first ends. */
    public EpisodeResult lastResult() {
        return last;
    }

    /** Leaves the env open: its owner closes it. */
    @Override
    public void close() {
        // the env is owned by the caller
    }

    @Override
    public MDP<Box, Integer, DiscreteSpace> newInstance() {
        return new CompressionMdp(env, sparsityChoice.length);
    }
}
