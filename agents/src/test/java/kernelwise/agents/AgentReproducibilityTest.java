package kernelwise.agents;

import kernelwise.env.HierarchicalEnv;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** Same seed, same decisions; a restored agent continues exactly as the uninterrupted one. */
class AgentReproducibilityTest {

    private static HierarchicalEnv env(String name) {
        return TestConfigs.envs().create(Agents.wantsKernelSteps(name));
    }

    private static List<double[]> play(Agent agent, HierarchicalEnv env, long from, int n) {
        List<double[]> out = new ArrayList<>();
        for (long e = from; e < from + n; e++) {
            Episode ep = agent.runEpisode(env, e);
            assertEquals(e, ep.index());
            for (Transition t : ep.trajectory()) out.add(t.action());
            out.add(new double[]{ep.result().reward()});
            out.add(ep.result().plan().toJson().chars().asDoubleStream().toArray());
        }
        return out;
    }

    private static void assertSame(List<double[]> a, List<double[]> b) {
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) assertArrayEquals(a.get(i), b.get(i), 0.0, "entry " + i);
    }

    @ParameterizedTest
    @ValueSource(strings = {"hierarchical", "ddpg", "random", "evolutionary"})
    void givenTheSameSeed_whenRunTwice_thenActionsAndRewardsAreIdentical(String name) {
        HierarchicalEnv env = env(name);
        List<double[]> first = play(Agents.create(name, TestConfigs.tiny(), env, 42), env, 0, 5);
        List<double[]> second = play(Agents.create(name, TestConfigs.tiny(), env, 42), env, 0, 5);
        assertSame(first, second);
        List<double[]> other = play(Agents.create(name, TestConfigs.tiny(), env, 43), env, 0, 5);
        assertNotEquals(first.get(0)[0], other.get(0)[0], "another seed should act otherwise");
    }

    @ParameterizedTest
    @ValueSource(strings = {"hierarchical", "ddpg", "random", "evolutionary"})
    void givenAStateSavedMidRun_whenRestoredIntoAFreshAgent_thenItContinuesBitIdentically(String name) {
        HierarchicalEnv env = env(name);
        Agent original = Agents.create(name, TestConfigs.tiny(), env, 7);
        play(original, env, 0, 4);                       // past warm-up: networks trained, buffers filled
        byte[] state = original.saveState();
        List<double[]> uninterrupted = play(original, env, 4, 3);
        Agent restored = Agents.create(name, TestConfigs.tiny(), env, 999);
        restored.restoreState(state);
        List<double[]> resumed = play(restored, env, 4, 3);
        assertSame(uninterrupted, resumed);
    }
}
