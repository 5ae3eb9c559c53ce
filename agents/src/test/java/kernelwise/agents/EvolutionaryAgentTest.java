package kernelwise.agents;

import kernelwise.agents.baseline.EvolutionaryAgent;
import kernelwise.env.SyntheticEnv;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EvolutionaryAgentTest {

    @Test
    void givenBatches_whenTheEvolutionaryAgentRuns_thenMutationsBeatItsRandomStart() {
        SyntheticEnv env = new SyntheticEnv(3, 6, true);
        EvolutionaryAgent agent = new EvolutionaryAgent(new AgentConfig(), env, 8);
        double bestRandom = Double.NEGATIVE_INFINITY;
        for (long first = 0; first < 200; first += 10) {
            List<Episode> batch = agent.runEpisodes(env, first, 10);
            assertEquals(10, batch.size());
            for (int i = 0; i < 10; i++) {
                assertEquals(first + i, batch.get(i).index());
                assertTrue(batch.get(i).trajectory().isEmpty());
                if (first == 0) bestRandom = Math.max(bestRandom, batch.get(i).result().reward());
            }
        }
        assertTrue(agent.bestReward() > bestRandom + 0.05,
                "best after mutation " + agent.bestReward() + " vs best of the 10 random plans " + bestRandom);
    }
}
