package kernelwise.agents.dqn;

import kernelwise.agents.Agent;
import kernelwise.agents.AgentConfig;
import kernelwise.agents.Episode;
import kernelwise.agents.util.Rng;
import kernelwise.agents.util.StateIO;
import kernelwise.env.EpisodeResult;
import kernelwise.env.HierarchicalEnv;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.rl4j.learning.configuration.QLearningConfiguration;
import org.deeplearning4j.rl4j.network.configuration.DQNDenseNetworkConfiguration;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;

/**
 * The DQN baseline through RL4J: {@code QLearningDiscreteDense}'s learner (double DQN, RL4J's dense Q network) on
 * the env's discrete MDP view (one decision per layer), configured from {@link AgentConfig#dqn()}, stepped one
 * episode per {@link #runEpisode} (RL4J's own loop: {@code preEpoch, trainEpoch, postEpoch}). The learner binds
 * to the env of its first episode.
 *
 * <p><b>Randomness.</b> Every random number RL4J draws for this agent (epsilon-greedy's coin and random actions,
 * replay sampling) comes from one ND4J generator owned by the agent and re-seeded at the start of each episode
 * from the agent seed and the episode count (the {@code n}-th output of SplitMix64 seeded with the agent seed), so
 * its state is never saved: an uninterrupted and a restored agent re-seed it identically. RL4J's network factory
 * seeds the Q network with its own fixed seed (12345), which also re-seeds ND4J's global generator once, when the
 * learner is built.
 *
 * <p><b>State.</b> A saved state holds everything the learner's later decisions and updates depend on: the agent
 * seed and episode counter, RL4J's step and epoch counters (epsilon schedule), the Q network's parameters and Adam
 * state (with its iteration and epoch counts), the target network's parameters, the target updater's and the
 * update rule's counters (when the target is synced), and the experience replay's transitions in order (see
 * {@link EpisodicDqn} for what RL4J holds and how each part is reached). A restored agent therefore makes exactly
 * the actions and network updates the uninterrupted one would have made (DqnAgentTest checks this).
 */
public final class DqnAgent implements Agent {
    public static final String NAME = "dqn";
    /** Layout of this agent's section of a state; 1 (before the replay and target network were saved) is refused. */
    private static final int FORMAT = 2;

    private final DqnConfig cfg;
    private final MdpBinding binding;
    private long seed;
    private HierarchicalEnv boundEnv;
    private TimedMdp mdp;
    private EpisodicDqn learner;
    private byte[] pendingState;
    private long episodesRun;

    public DqnAgent(AgentConfig cfg, MdpBinding binding, long seed) {
        if (binding == null) throw new IllegalArgumentException("the dqn agent needs an MDP binding");
        this.cfg = cfg.dqn();
        this.binding = binding;
        this.seed = seed;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Episode runEpisode(HierarchicalEnv env, long episode) {
        bind(env);
        long start = System.nanoTime();
        mdp.startEpisode();
        learner.playEpisode(episodeSeed());
        EpisodeResult result = binding.lastResult(mdp.inner());
        if (result == null || !mdp.isDone()) {
            throw new IllegalStateException("RL4J stopped the episode after " + cfg.maxEpisodeSteps() + " steps before the env finished it; raise maxEpisodeSteps");
        }
        episodesRun++;
        double agentSeconds = (System.nanoTime() - start - mdp.envNanos()) / 1e9;
        return new Episode(episode, mdp.trajectory(), result, agentSeconds);
    }

    private void bind(HierarchicalEnv env) {
        if (learner != null) {
            if (env != boundEnv) throw new IllegalArgumentException("the dqn agent is bound to the env of its first episode; got another env");
            return;
        }
        boundEnv = env;
        Random rnd = Nd4j.getRandomFactory().getNewRandomInstance(seed);
        mdp = new TimedMdp(binding.mdp(env), binding, rnd);
        learner = EpisodicDqn.create(mdp, network(), learning(seed), rnd);
        if (pendingState != null) {
            learner.restore(pendingState);
            pendingState = null;
        }
    }

    /** The seed of episode {@code episodesRun}: SplitMix64's output number {@code episodesRun + 1} from the agent seed. */
    private long episodeSeed() {
        return new Rng(seed + episodesRun * 0x9E3779B97F4A7C15L).nextLong();
    }

    private QLearningConfiguration learning(long rlSeed) {
        return QLearningConfiguration.builder()
                .seed(rlSeed).maxEpochStep(cfg.maxEpisodeSteps()).maxStep(Integer.MAX_VALUE)
                .expRepMaxSize(cfg.replayCapacity()).batchSize(cfg.batchSize())
                .targetDqnUpdateFreq(cfg.targetUpdate()).updateStart(cfg.warmupSteps())
                .rewardFactor(cfg.rewardFactor()).gamma(cfg.gamma()).errorClamp(1.0)
                .minEpsilon(cfg.minEpsilon()).epsilonNbStep(cfg.epsilonSteps()).doubleDQN(true)
                .build();
    }

    private DQNDenseNetworkConfiguration network() {
        return DQNDenseNetworkConfiguration.builder()
                .updater(new Adam(cfg.learningRate())).l2(0.0)
                .numHiddenNodes(cfg.hidden()).numLayers(cfg.layers())
                .build();
    }

    /** The Q network (for tests and diagnostics); null before the first episode. */
    public MultiLayerNetwork qNetwork() {
        return learner == null ? null : learner.qNetwork();
    }

    /** RL4J's step counter (null before the first episode). */
    public Integer steps() {
        return learner == null ? null : learner.getStepCount();
    }

    /** The target network (for tests and diagnostics); null before the first episode. */
    public MultiLayerNetwork targetNetwork() {
        return learner == null ? null : learner.targetNetwork();
    }

    /** Transitions in RL4J's experience replay (0 before the first episode). */
    public int replaySize() {
        return learner == null ? 0 : learner.replaySize();
    }

    @Override
    public byte[] saveState() {
        byte[] learnerState = learner == null ? pendingState : learner.state();
        return StateIO.save(NAME, out -> {
            out.writeInt(FORMAT);
            out.writeLong(episodesRun);
            out.writeLong(seed);
            out.writeInt(learnerState == null ? 0 : learnerState.length);
            if (learnerState != null) out.write(learnerState);
        });
    }

    @Override
    public void restoreState(byte[] state) {
        StateIO.restore(NAME, state, in -> {
            int format = in.readInt();
            if (format != FORMAT) throw new IllegalArgumentException("dqn state format " + format + " is not supported, expected " + FORMAT + " (states written before the replay was saved cannot be resumed)");
            long episodes = in.readLong();
            long savedSeed = in.readLong();                // the generator is re-seeded from it every episode
            int length = in.readInt();
            if (length < 0 || length > in.available()) throw new IllegalArgumentException("dqn state announces " + length + " learner bytes, " + in.available() + " remain");
            byte[] learnerState = new byte[length];
            in.readFully(learnerState);
            if (learnerState.length == 0 && learner != null) {
                throw new IllegalStateException("a dqn state saved before its first episode cannot be restored into an agent that has run episodes");
            }
            if (learnerState.length == 0) pendingState = null;
            else if (learner == null) pendingState = learnerState;
            else learner.restore(learnerState);
            episodesRun = episodes;
            seed = savedSeed;
        });
    }
}
