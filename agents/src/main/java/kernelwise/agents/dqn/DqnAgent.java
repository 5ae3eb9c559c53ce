package kernelwise.agents.dqn;

import kernelwise.agents.Agent;
import kernelwise.agents.AgentConfig;
import kernelwise.agents.Episode;
import kernelwise.agents.util.StateIO;
import kernelwise.env.EpisodeResult;
import kernelwise.env.HierarchicalEnv;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.rl4j.learning.configuration.QLearningConfiguration;
import org.deeplearning4j.rl4j.learning.sync.qlearning.discrete.QLearningDiscreteDense;
import org.deeplearning4j.rl4j.mdp.MDP;
import org.deeplearning4j.rl4j.network.configuration.DQNDenseNetworkConfiguration;
import org.deeplearning4j.rl4j.space.Box;
import org.deeplearning4j.rl4j.space.DiscreteSpace;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.learning.config.Adam;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * The DQN baseline through RL4J: {@code QLearningDiscreteDense} (double DQN) on the env's discrete MDP view (one
 * decision per layer), configured from {@link AgentConfig#dqn()}, stepped one episode per {@link #runEpisode}
 * (RL4J's own loop: {@code preEpoch, trainEpoch, postEpoch}). The learner binds to the env of its first episode.
 *
 * <p><b>What a saved state holds, and what it does not.</b> RL4J M1.1 keeps much of its learning state in private
 * fields without accessors. Saved and restored exactly: the Q network's parameters and Adam state (with its
 * iteration and epoch counts), RL4J's step and epoch counters (which drive the epsilon schedule), and this
 * agent's episode counter. Not saved: the experience replay (a restored agent starts with an empty one and waits
 * {@link DqnConfig#warmupSteps()} steps before it learns again), the target network (restored as a copy of the Q
 * network), and the state of the ND4J random generator behind epsilon-greedy and replay sampling (re-seeded
 * from the agent seed and the episode count). A restored DQN therefore acts greedily exactly like the saved one
 * but its later exploration and updates differ; the DDPG agents and the baselines restore bit-identically.
 * RL4J's network factory seeds the Q network with its fixed seed (12345): the agent seed drives exploration only.
 */
public final class DqnAgent implements Agent {
    public static final String NAME = "dqn";

    private final DqnConfig cfg;
    private final long seed;
    private final MdpBinding binding;
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
        learner.playEpisode();
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
        mdp = new TimedMdp(binding.mdp(env), binding);
        learner = new EpisodicDqn(mdp, network(), learning(seed + episodesRun));
        if (pendingState != null) {
            applyState(pendingState);
            pendingState = null;
        }
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
        return learner == null ? null : (MultiLayerNetwork) learner.getQNetwork().getNeuralNetworks()[0];
    }

    /** RL4J's step counter (null before the first episode). */
    public Integer steps() {
        return learner == null ? null : learner.getStepCount();
    }

    @Override
    public byte[] saveState() {
        byte[] learnerState = learner == null ? pendingState : learnerState();
        return StateIO.save(NAME, out -> {
            out.writeLong(episodesRun);
            out.writeInt(learnerState == null ? 0 : learnerState.length);
            if (learnerState != null) out.write(learnerState);
        });
    }

    @Override
    public void restoreState(byte[] state) {
        StateIO.restore(NAME, state, in -> {
            episodesRun = in.readLong();
            byte[] learnerState = new byte[in.readInt()];
            in.readFully(learnerState);
            if (learnerState.length == 0) pendingState = null;
            else if (learner == null) pendingState = learnerState;
            else applyState(learnerState);
        });
    }

    /** RL4J's step and epoch counters and the Q network with its updater state. */
    private byte[] learnerState() {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeInt(learner.getStepCount());
            out.writeInt(learner.getEpochCount());
            ByteArrayOutputStream net = new ByteArrayOutputStream();
            ModelSerializer.writeModel(qNetwork(), net, true);
            out.writeInt(net.size());
            net.writeTo(out);
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("writing the dqn Q network to memory failed", e);
        }
    }

    /** Applies the learner part of a state (steps, epochs, Q network) into the live RL4J learner. */
    private void applyState(byte[] learnerState) {
        try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(learnerState));
            learner.setStepCount(in.readInt());
            learner.setEpochCount(in.readInt());
            byte[] net = new byte[in.readInt()];
            in.readFully(net);
            MultiLayerNetwork saved = ModelSerializer.restoreMultiLayerNetwork(new ByteArrayInputStream(net), true);
            MultiLayerNetwork q = qNetwork();
            q.setParams(saved.params());
            if (saved.getUpdater().getStateViewArray() != null) q.getUpdater().getStateViewArray().assign(saved.getUpdater().getStateViewArray());
            q.getLayerWiseConfigurations().setIterationCount(saved.getLayerWiseConfigurations().getIterationCount());
            q.getLayerWiseConfigurations().setEpochCount(saved.getLayerWiseConfigurations().getEpochCount());
        } catch (IOException e) {
            throw new IllegalArgumentException("dqn agent state is truncated or corrupt: " + e.getMessage(), e);
        }
    }

    /** RL4J's Q-learning, played one episode at a time. */
    private static final class EpisodicDqn extends QLearningDiscreteDense<Box> {
        EpisodicDqn(MDP<Box, Integer, DiscreteSpace> mdp, DQNDenseNetworkConfiguration net, QLearningConfiguration conf) {
            super(mdp, net, conf);
        }

        void playEpisode() {
            preEpoch();
            trainEpoch();
            postEpoch();
            incrementEpoch();
        }
    }
}
