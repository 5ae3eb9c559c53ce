package kernelwise.agents.dqn;

import kernelwise.agents.AgentConfig;
import kernelwise.agents.Episode;
import kernelwise.agents.Transition;
import kernelwise.env.SyntheticEnv;
import kernelwise.env.action.ActionMapper;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DqnAgentTest {
    /** 4 weight levels x 3 sparsity levels per layer on the flat synthetic env, activations at least as wide. */
    private static final ActionMapper LEVELS = new ActionMapper(new int[]{1, 3, 5, 8}, new int[]{2, 4, 6, 8}, new double[]{0, 0.45, 0.9});
    private static final MdpBinding BINDING = new CompressionMdpBinding(3);

    private static SyntheticEnv env() {
        return new SyntheticEnv(2, 3, false, LEVELS);
    }

    private static AgentConfig config() {
        return config(500);
    }

    private static AgentConfig config(int replayCapacity) {
        AgentConfig d = new AgentConfig();
        DqnConfig dqn = new DqnConfig(16, 1, 1e-3, 8, replayCapacity, 10, 0.99, 40, 0.1, 8, 1.0, 100, 3);
        return new AgentConfig(d.high(), d.low(), d.extrinsicShare(), d.relabelGoals(), d.randomKernelSigma(), d.randomHighSigma(), d.evolution(), dqn);
    }

    /** What a run leaves: the learner's networks, Adam state and replay size, exactly. */
    private record Learned(double[] q, double[] target, double[] adam, int replay, int steps) {
        static Learned of(DqnAgent a) {
            return new Learned(a.qNetwork().params().toDoubleVector(), a.targetNetwork().params().toDoubleVector(),
                    a.qNetwork().getUpdater().getStateViewArray().toDoubleVector(), a.replaySize(), a.steps());
        }

        void assertSameAs(Learned o) {
            assertArrayEquals(q, o.q, 0.0, "Q network parameters");
            assertArrayEquals(target, o.target, 0.0, "target network parameters");
            assertArrayEquals(adam, o.adam, 0.0, "Adam state");
            assertEquals(replay, o.replay, "replay size");
            assertEquals(steps, o.steps, "RL4J steps");
        }
    }

    private static void assertSameDecisions(List<double[]> a, List<double[]> b) {
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) assertArrayEquals(a.get(i), b.get(i), 0.0, "entry " + i);
    }

    private static List<double[]> play(DqnAgent agent, SyntheticEnv env, long from, int n) {
        List<double[]> out = new ArrayList<>();
        for (long e = from; e < from + n; e++) {
            Episode ep = agent.runEpisode(env, e);
            assertEquals(2, ep.trajectory().size(), "one MDP step per layer");
            for (Transition t : ep.trajectory()) out.add(t.action());
            out.add(new double[]{ep.result().reward()});
        }
        return out;
    }

    @Test
    void givenTheSameSeed_whenRl4jDqnRunsTwice_thenActionsAndRewardsAreIdentical() {
        SyntheticEnv env = env();
        List<double[]> a = play(new DqnAgent(config(), BINDING, 5), env, 0, 12);
        List<double[]> b = play(new DqnAgent(config(), BINDING, 5), env, 0, 12);
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) assertArrayEquals(a.get(i), b.get(i), 0.0, "entry " + i);
    }

    @Test
    void givenADqnSavedMidRun_whenRestoredIntoAFreshAndIntoAUsedAgent_thenBothContinueBitIdentically() {
        SyntheticEnv env = env();
        AgentConfig cfg = config(24);                    // 24 transitions: the replay has wrapped by the save
        DqnAgent original = new DqnAgent(cfg, BINDING, 5);
        play(original, env, 0, 15);                       // 30 steps: replay full, Q trained, target synced twice
        byte[] state = original.saveState();
        Learned atSave = Learned.of(original);
        List<double[]> uninterrupted = play(original, env, 15, 12);   // epsilon 0.56 -> 0.1: random and greedy steps
        Learned end = Learned.of(original);
        assertEquals(24, atSave.replay());
        assertNotEquals(atSave.q()[0], end.q()[0], "the Q network learned after the save");
        assertNotEquals(atSave.target()[0], end.target()[0], "the target network was synced after the save");

        DqnAgent fresh = new DqnAgent(cfg, BINDING, 77);  // another seed: the state's seed wins
        fresh.restoreState(state);
        assertSameDecisions(uninterrupted, play(fresh, env, 15, 12));
        end.assertSameAs(Learned.of(fresh));

        DqnAgent used = new DqnAgent(cfg, BINDING, 78);
        play(used, env, 0, 4);                            // a bound learner with its own replay, networks, counters
        used.restoreState(state);
        assertSameDecisions(uninterrupted, play(used, env, 15, 12));
        end.assertSameAs(Learned.of(used));
    }

    @Test
    void givenRl4jInternalsThatMoved_whenReached_thenTheFailureNamesTheField() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> EpisodicDqn.Reflect.intField(org.deeplearning4j.rl4j.agent.learning.update.UpdateRule.class, "updateCounter"));
        assertTrue(e.getMessage().contains("org.deeplearning4j.rl4j.agent.learning.update.UpdateRule.updateCounter"), e.getMessage());
        assertNotNull(EpisodicDqn.Reflect.intField(org.deeplearning4j.rl4j.agent.learning.update.UpdateRule.class, "updateCount"));
    }

    @Test
    void givenAStateOfTheOldFormat_whenRestored_thenItIsRefusedByName() {
        byte[] old = kernelwise.agents.util.StateIO.save(DqnAgent.NAME, out -> {
            out.writeLong(3);                             // format 1: episodes, learner length, learner bytes
            out.writeInt(0);
        });
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new DqnAgent(config(), BINDING, 1).restoreState(old));
        assertTrue(e.getMessage().contains("dqn state format 0 is not supported"), e.getMessage());
    }

    @Test
    void givenAnotherSeed_whenRl4jDqnRuns_thenItExploresOtherwise() {
        SyntheticEnv env = env();
        List<double[]> a = play(new DqnAgent(config(), BINDING, 5), env, 0, 4);
        List<double[]> b = play(new DqnAgent(config(), BINDING, 6), env, 0, 4);
        boolean differ = false;
        for (int i = 0; i < a.size(); i++) differ |= !java.util.Arrays.equals(a.get(i), b.get(i));
        assertTrue(differ, "the agent seed drives exploration");
    }

    @Test
    void givenASavedDqn_whenRestoredIntoAFreshAgent_thenTheQNetworkAndCountersAreIdentical() {
        SyntheticEnv env = env();
        DqnAgent original = new DqnAgent(config(), BINDING, 5);
        play(original, env, 0, 15);                       // 30 steps: past the 8-step warm-up, Q network trained
        byte[] state = original.saveState();
        DqnAgent again = new DqnAgent(config(), BINDING, 77);
        again.restoreState(state);                        // unbound: kept until the first episode binds the learner
        again.runEpisode(env, 15);
        assertEquals(original.steps() + 2, again.steps(), "RL4J's step counter continued from the saved one");
        again.restoreState(state);                        // into a bound learner
        INDArray obs = Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.FLOAT, 6, 3);
        assertArrayEquals(original.qNetwork().output(obs).toFloatMatrix(), again.qNetwork().output(obs).toFloatMatrix());
        assertEquals(original.steps(), again.steps());
        assertTrue(original.steps() >= 30);
    }
}
