package kernelwise.agents;

import kernelwise.agents.ddpg.DdpgConfig;
import kernelwise.agents.ddpg.FlatDdpgAgent;
import kernelwise.agents.ddpg.HierarchicalAgent;
import kernelwise.env.SyntheticEnv;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AgentsTest {

    @Test
    void givenAnUnknownName_whenCreating_thenTheErrorNamesItAndTheKnownAgents() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> Agents.create("ppo", new AgentConfig(), new SyntheticEnv(1, 2, true), 1));
        assertTrue(e.getMessage().contains("'ppo'"), e.getMessage());
        for (String n : Agents.NAMES) assertTrue(e.getMessage().contains(n), e.getMessage());
    }

    @Test
    void givenTheWrongEnvView_whenADdpgAgentRuns_thenItRefusesWithAReason() {
        AgentConfig cfg = TestConfigs.tiny();
        SyntheticEnv kernels = new SyntheticEnv(1, 2, true);
        SyntheticEnv flat = new SyntheticEnv(1, 2, false);
        var e1 = assertThrows(IllegalArgumentException.class, () -> new FlatDdpgAgent(cfg, kernels, 1).runEpisode(kernels, 0));
        assertTrue(e1.getMessage().contains("kernelSteps() false"), e1.getMessage());
        var e2 = assertThrows(IllegalArgumentException.class, () -> new HierarchicalAgent(cfg, flat, 1).runEpisode(flat, 0));
        assertTrue(e2.getMessage().contains("kernelSteps() true"), e2.getMessage());
    }

    @Test
    void givenAConfiguration_whenWrittenAsJsonAndRead_thenItIsEqual() {
        AgentConfig cfg = new AgentConfig().withRelabelGoals(false);
        assertEquals(cfg, AgentConfig.fromJson(cfg.toJson()));
    }

    @Test
    void givenAnInvalidValue_whenConfiguring_thenTheErrorNamesTheParameterAndValue() {
        var e = assertThrows(IllegalArgumentException.class, () -> new DdpgConfig(64, 64, 0, 1e-4, 1e-3, 0.01, 1,
                DdpgConfig.Returns.MONTE_CARLO, 0.5, 0.99, 0.02, 10, 100, 10, 0.9));
        assertEquals("batchSize must be positive, found 0", e.getMessage());
        var j = assertThrows(IllegalArgumentException.class,
                () -> AgentConfig.fromJson(new AgentConfig().toJson().replace("\"tau\":0.01", "\"tau\":2.0")));
        assertTrue(j.getMessage().contains("tau must be in (0,1], found 2.0"), j.getMessage());
    }

    @Test
    void givenTwoAgents_whenCompared_thenEachRowReportsItsBestPlanAndTimes() {
        AgentComparison cmp = new AgentComparison(TestConfigs.tiny(), TestConfigs.envs()::create, 3);
        List<AgentComparison.Row> rows = cmp.run(List.of("random", "evolutionary"), List.of(1L, 2L), 7, null);
        assertEquals(4, rows.size());
        for (AgentComparison.Row r : rows) {
            assertEquals(7, r.episodes());
            assertTrue(r.bestAccuracy() > 0 && r.bestAccuracy() <= 1, r.toString());
            assertEquals(Math.exp(r.bestReward()), r.bestAccuracy(), 1e-12, "the synthetic env's accuracy is exp(reward)");
            assertTrue(r.bestEpisode() >= 0 && r.bestEpisode() < 7);
            assertTrue(r.agentSeconds() >= 0 && r.envSeconds() >= 0);
        }
    }
}
