package kernelwise.agents;

import kernelwise.agents.baseline.EvolutionaryAgent;
import kernelwise.env.SyntheticEnv;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EvolutionaryAgentTest {

    @Test
    void givenEpisodes_whenTheEvolutionaryAgentRuns_thenItStepsTheEnvAndMutationsBeatItsRandomStart() {
        SyntheticEnv env = new SyntheticEnv(3, 6, true);
        EvolutionaryAgent agent = new EvolutionaryAgent(new AgentConfig(), env, 8);
        double bestRandom = Double.NEGATIVE_INFINITY;
        for (long e = 0; e < 200; e++) {
            Episode ep = agent.runEpisode(env, e);
            assertEquals(e, ep.index());
            assertEquals(3 + 3 * 6, ep.trajectory().size(), "one HIGH step per layer and one LOW step per kernel");
            if (e < 10) bestRandom = Math.max(bestRandom, ep.result().reward());
        }
        assertTrue(agent.bestReward() > bestRandom + 0.05,
                "best after mutation " + agent.bestReward() + " vs best of the 10 random sequences " + bestRandom);
    }

    @Test
    void givenASavedAgent_whenRestored_thenItContinuesIdenticallyAndAnOldFormatIsRefused() {
        SyntheticEnv env = new SyntheticEnv(2, 4, true);
        EvolutionaryAgent a = new EvolutionaryAgent(new AgentConfig(), env, 3);
        for (long e = 0; e < 15; e++) a.runEpisode(env, e);
        EvolutionaryAgent b = new EvolutionaryAgent(new AgentConfig(), env, 99);
        b.restoreState(a.saveState());
        for (long e = 15; e < 25; e++) {
            assertEquals(a.runEpisode(env, e).result().plan(), b.runEpisode(env, e).result().plan(), "episode " + e);
        }
        assertArrayEquals(a.saveState(), b.saveState());
        byte[] old = kernelwise.agents.util.StateIO.save(EvolutionaryAgent.NAME, out -> {
            out.writeLong(15);
            out.writeLong(7);
            out.writeInt(0);
        });
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> b.restoreState(old));
        assertFalse(ex.getMessage().isBlank());
        assertTrue(ex.getMessage().contains("earlier kernelwise"), ex.getMessage());
    }
}
