package kernelwise.agents.dqn;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.rl4j.agent.learning.algorithm.dqn.BaseTransitionTDAlgorithm;
import org.deeplearning4j.rl4j.agent.learning.algorithm.dqn.DoubleDQN;
import org.deeplearning4j.rl4j.agent.learning.algorithm.dqn.StandardDQN;
import org.deeplearning4j.rl4j.agent.learning.behavior.LearningBehavior;
import org.deeplearning4j.rl4j.agent.learning.update.FeaturesLabels;
import org.deeplearning4j.rl4j.agent.learning.update.UpdateRule;
import org.deeplearning4j.rl4j.agent.learning.update.updater.NeuralNetUpdaterConfiguration;
import org.deeplearning4j.rl4j.agent.learning.update.updater.sync.BaseSyncNeuralNetUpdater;
import org.deeplearning4j.rl4j.agent.learning.update.updater.sync.SyncLabelsNeuralNetUpdater;
import org.deeplearning4j.rl4j.experience.ReplayMemoryExperienceHandler;
import org.deeplearning4j.rl4j.experience.StateActionRewardState;
import org.deeplearning4j.rl4j.learning.configuration.QLearningConfiguration;
import org.deeplearning4j.rl4j.learning.sync.qlearning.discrete.QLearningDiscrete;
import org.deeplearning4j.rl4j.mdp.MDP;
import org.deeplearning4j.rl4j.network.configuration.DQNDenseNetworkConfiguration;
import org.deeplearning4j.rl4j.network.dqn.DQNFactoryStdDense;
import org.deeplearning4j.rl4j.network.dqn.IDQN;
import org.deeplearning4j.rl4j.space.Box;
import org.deeplearning4j.rl4j.space.DiscreteSpace;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.reflect.Field;

/**
 * RL4J's {@link QLearningDiscrete} (what {@code QLearningDiscreteDense} builds, with RL4J's dense Q network),
 * played one episode at a time, whose whole learning state can be written and read back.
 *
 * <p>RL4J M1.1 builds its learning behaviour (target network, TD algorithm, target-syncing updater, replay memory)
 * in a private factory and keeps it out of reach; this class builds the same parts from the same RL4J classes with
 * the same settings (as {@code QLearningDiscrete.buildLearningBehavior} does) and hands them to RL4J's public
 * constructor, so it holds a reference to each. The replay is RL4J's {@code ExpReplay} behind a
 * {@link RecordingReplay}. Two counters have no accessor and are read and written by reflection: the target
 * updater's {@code updateCount} (when the target network is synced) and the update rule's {@code updateCount};
 * their absence fails the construction with an {@link IllegalStateException} naming the field.
 *
 * <p>RL4J draws every random number (epsilon-greedy's coin, its random actions through the MDP's action space,
 * replay sampling) from the one {@link Random} given here; {@link #playEpisode(long)} re-seeds it first, so its
 * state never needs saving. Not saved because RL4J's legacy loop never reads them between episodes:
 * {@code LearningBehavior.hasBatchChanged} (read only by RL4J's new {@code Agent} API), the replay handler's
 * pending transition (null after every episode), {@code QLearning.episodeCount} (never incremented by the
 * discrete learner) and the per-episode fields {@code preEpoch} resets.
 */
final class EpisodicDqn extends QLearningDiscrete<Box> {
    private static final int FORMAT = 2;

    private final Parts parts;
    private final Random rnd;

    private EpisodicDqn(MDP<Box, Integer, DiscreteSpace> mdp, IDQN<?> q, QLearningConfiguration conf, Parts parts, Random rnd) {
        super(mdp, q, conf, conf.getEpsilonNbStep(), parts.behaviour, rnd);
        this.parts = parts;
        this.rnd = rnd;
    }

    /** A learner on {@code mdp} whose random numbers all come from {@code rnd} (also {@code mdp}'s action space's). */
    static EpisodicDqn create(MDP<Box, Integer, DiscreteSpace> mdp, DQNDenseNetworkConfiguration net, QLearningConfiguration conf, Random rnd) {
        IDQN<?> q = new DQNFactoryStdDense(net).buildDQN(mdp.getObservationSpace().getShape(), mdp.getActionSpace().getSize());
        return new EpisodicDqn(mdp, q, conf, new Parts(q, conf, rnd), rnd);
    }

    /** One episode through RL4J's own loop, its random generator first re-seeded with {@code episodeSeed}. */
    void playEpisode(long episodeSeed) {
        rnd.setSeed(episodeSeed);
        preEpoch();
        trainEpoch();
        postEpoch();
        incrementEpoch();
    }

    MultiLayerNetwork qNetwork() {
        return (MultiLayerNetwork) getQNetwork().getNeuralNetworks()[0];
    }

    MultiLayerNetwork targetNetwork() {
        return (MultiLayerNetwork) parts.target.getNeuralNetworks()[0];
    }

    /** Transitions in the replay memory. */
    int replaySize() {
        return parts.replay.size();
    }

    /** Target-network updates done (gradient steps; the target is synced every {@code targetDqnUpdateFreq}). */
    int updates() {
        return Reflect.getInt(parts.updateCountOfUpdater, parts.updater);
    }

    /** Steps, epochs, Q network with its updater state, target network, update counters and replay contents. */
    byte[] state() {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeInt(FORMAT);
            out.writeInt(getStepCount());
            out.writeInt(getEpochCount());
            ByteArrayOutputStream net = new ByteArrayOutputStream();
            ModelSerializer.writeModel(qNetwork(), net, true);
            out.writeInt(net.size());
            net.writeTo(out);
            Nd4j.write(targetNetwork().params(), out);
            out.writeInt(Reflect.getInt(parts.updateCountOfUpdater, parts.updater));
            out.writeInt(Reflect.getInt(parts.updateCountOfRule, parts.rule));
            parts.replay.write(out);
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("writing the dqn learner state to memory failed", e);
        }
    }

    /** Puts a {@link #state()} back into this learner. */
    void restore(byte[] state) {
        try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(state));
            int format = in.readInt();
            if (format != FORMAT) throw new IllegalArgumentException("dqn learner state format " + format + " is not supported, expected " + FORMAT);
            setStepCount(in.readInt());
            setEpochCount(in.readInt());
            int netBytes = in.readInt();
            if (netBytes <= 0 || netBytes > in.available()) throw new IOException("the Q network announces " + netBytes + " bytes, " + in.available() + " remain");
            byte[] net = new byte[netBytes];
            in.readFully(net);
            restoreQ(ModelSerializer.restoreMultiLayerNetwork(new ByteArrayInputStream(net), true));
            targetNetwork().setParams(Nd4j.read(in));
            Reflect.setInt(parts.updateCountOfUpdater, parts.updater, in.readInt());
            Reflect.setInt(parts.updateCountOfRule, parts.rule, in.readInt());
            parts.replay.read(in);
            if (in.available() != 0) throw new IllegalArgumentException("dqn learner state has " + in.available() + " unread bytes");
        } catch (IOException e) {
            throw new IllegalArgumentException("dqn learner state is truncated or corrupt: " + e.getMessage(), e);
        }
    }

    private void restoreQ(MultiLayerNetwork saved) {
        MultiLayerNetwork q = qNetwork();
        q.setParams(saved.params());
        if (saved.getUpdater().getStateViewArray() != null) q.getUpdater().getStateViewArray().assign(saved.getUpdater().getStateViewArray());
        q.getLayerWiseConfigurations().setIterationCount(saved.getLayerWiseConfigurations().getIterationCount());
        q.getLayerWiseConfigurations().setEpochCount(saved.getLayerWiseConfigurations().getEpochCount());
    }

    /** RL4J's learning behaviour, built as {@code QLearningDiscrete.buildLearningBehavior} builds it, kept in reach. */
    private static final class Parts {
        final IDQN<?> target;
        final RecordingReplay replay;
        final SyncLabelsNeuralNetUpdater updater;
        final UpdateRule<FeaturesLabels, StateActionRewardState<Integer>> rule;
        final LearningBehavior<Integer, StateActionRewardState<Integer>> behaviour;
        final Field updateCountOfUpdater = Reflect.intField(BaseSyncNeuralNetUpdater.class, "updateCount");
        final Field updateCountOfRule = Reflect.intField(UpdateRule.class, "updateCount");

        @SuppressWarnings({"rawtypes", "unchecked"})
        Parts(IDQN q, QLearningConfiguration conf, Random rnd) {
            target = (IDQN<?>) q.clone();
            BaseTransitionTDAlgorithm.Configuration td = BaseTransitionTDAlgorithm.Configuration.builder()
                    .gamma(conf.getGamma()).errorClamp(conf.getErrorClamp()).build();
            BaseTransitionTDAlgorithm algorithm = conf.isDoubleDQN() ? new DoubleDQN(q, target, td) : new StandardDQN(q, target, td);
            NeuralNetUpdaterConfiguration sync = NeuralNetUpdaterConfiguration.builder().targetUpdateFrequency(conf.getTargetDqnUpdateFreq()).build();
            updater = new SyncLabelsNeuralNetUpdater(q, target, sync);
            rule = new UpdateRule<>(algorithm, updater);
            replay = new RecordingReplay(conf.getExpRepMaxSize(), conf.getBatchSize(), rnd);
            behaviour = LearningBehavior.<Integer, StateActionRewardState<Integer>>builder()
                    .experienceHandler(new ReplayMemoryExperienceHandler<>(replay)).updateRule(rule).build();
        }
    }

    /** Reflection on RL4J's private counters that fails loudly, naming the field, when RL4J's internals moved. */
    static final class Reflect {
        private Reflect() {
        }

        static Field intField(Class<?> owner, String name) {
            try {
                Field f = owner.getDeclaredField(name);
                if (f.getType() != int.class) throw new IllegalStateException(owner.getName() + "." + name + " is a " + f.getType() + ", expected int: RL4J's internals changed");
                f.setAccessible(true);
                return f;
            } catch (NoSuchFieldException | RuntimeException e) {
                if (e instanceof IllegalStateException ise) throw ise;
                throw new IllegalStateException("cannot reach RL4J's private field " + owner.getName() + "." + name
                        + " (the dqn agent saves it; RL4J 1.0.0-M1.1 has it): " + e.getMessage(), e);
            }
        }

        static int getInt(Field f, Object owner) {
            try {
                return f.getInt(owner);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("cannot read RL4J's private field " + f.getDeclaringClass().getName() + "." + f.getName(), e);
            }
        }

        static void setInt(Field f, Object owner, int value) {
            try {
                f.setInt(owner, value);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("cannot write RL4J's private field " + f.getDeclaringClass().getName() + "." + f.getName(), e);
            }
        }
    }
}
