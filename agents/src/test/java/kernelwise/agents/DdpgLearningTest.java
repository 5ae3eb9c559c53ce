package kernelwise.agents;

import kernelwise.agents.ddpg.DdpgConfig;
import kernelwise.agents.ddpg.FlatDdpgAgent;
import kernelwise.agents.ddpg.HierarchicalAgent;
import kernelwise.env.SyntheticEnv;
import kernelwise.models.plan.CompressionPlan;
import org.junit.jupiter.api.Test;


import static org.junit.jupiter.api.Assertions.*;

/** The DDPG agents learn synthetic tasks with known optima within a fixed number of episodes. */
class DdpgLearningTest {

    private static DdpgConfig quick(DdpgConfig.Returns returns, double gamma, int warmup, int updates) {
        return new DdpgConfig(32, 32, 32, 1e-3, 3e-3, 0.05, gamma, returns, 0.5, 0.97, 0.02, warmup, 10_000, updates, 0.9);
    }

    @Test
    void givenAQuadraticRewardOverLayerActions_whenTheFlatAgentTrains_thenItsGreedyPlanIsNearTheOptimum() {
        // one layer: reward -|(act, bits, sparsity) - (0.8, 0.3, 0.6)|^2 in action units, optimum 0
        SyntheticEnv env = new SyntheticEnv(1, 4, false);
        DdpgConfig high = new DdpgConfig(32, 32, 32, 1e-3, 1e-2, 0.05, 1.0, DdpgConfig.Returns.MONTE_CARLO,
                0.5, 0.98, 0.02, 5, 10_000, 20, 0.9);
        FlatDdpgAgent agent = new FlatDdpgAgent(new AgentConfig().withLevels(high, high), env, 2);
        double untrained = SyntheticEnv.reward(greedyFlatPlan(agent, env));
        for (int e = 0; e < 80; e++) agent.runEpisode(env, e);
        double greedy = SyntheticEnv.reward(greedyFlatPlan(agent, env));
        assertTrue(untrained < -0.1, "the untrained actor (actions near 0.5) is far from the optimum: " + untrained);
        assertTrue(greedy > -0.03, "greedy reward after 80 episodes " + greedy);
    }

    private static CompressionPlan greedyFlatPlan(FlatDdpgAgent agent, SyntheticEnv env) {
        return agent.greedyEpisode(env, 0).result().plan();
    }

    @Test
    void givenATrainedAgent_whenPlayedGreedily_thenThePlanRepeatsAndTheAgentIsLeftAsItWas() {
        SyntheticEnv env = new SyntheticEnv(2, 8, true);
        AgentConfig cfg = new AgentConfig().withLevels(quick(DdpgConfig.Returns.MONTE_CARLO, 1.0, 2, 5),
                quick(DdpgConfig.Returns.BOOTSTRAP, 0.9, 2, 5));
        HierarchicalAgent agent = new HierarchicalAgent(cfg, env, 5);
        for (int e = 0; e < 6; e++) agent.runEpisode(env, e);
        byte[] before = agent.saveState();
        Episode g1 = agent.greedyEpisode(env, 6);
        Episode g2 = agent.greedyEpisode(env, 6);
        assertArrayEquals(before, agent.saveState(), "greedy play changed the agent's state");
        assertEquals(g1.result().plan(), g2.result().plan());
        HierarchicalAgent twin = new HierarchicalAgent(cfg, env, 5);
        for (int e = 0; e < 6; e++) twin.runEpisode(env, e);
        assertEquals(twin.runEpisode(env, 6).result().plan(), agent.runEpisode(env, 6).result().plan(),
                "after greedy play the agent explores and learns exactly as one that never played greedily");
        assertThrows(UnsupportedOperationException.class, () -> new kernelwise.agents.baseline.RandomAgent(cfg, 1).greedyEpisode(env, 0));
    }

    @Test
    void givenGoalsFromTheHighLevel_whenTheHierarchicalAgentTrains_thenItsLowLevelMeetsThem() {
        SyntheticEnv env = new SyntheticEnv(2, 8, true);
        AgentConfig cfg = new AgentConfig(quick(DdpgConfig.Returns.MONTE_CARLO, 1.0, 3, 5),
                quick(DdpgConfig.Returns.BOOTSTRAP, 0.9, 3, 20), 0.0, false, 0.15, 0.2,
                new AgentConfig().evolution(), new AgentConfig().dqn());
        HierarchicalAgent agent = new HierarchicalAgent(cfg, env, 3);
        double before = goalError(agent);
        for (int e = 0; e < 40; e++) agent.runEpisode(env, e);
        double after = goalError(agent);
        assertTrue(before > 0.3, "an untrained low level ignores the goal; error " + before);
        assertTrue(after < 0.12, "mean L1 distance of kernel actions from their goal after training " + after);
    }

    /** Mean L1 distance between the low level's greedy action and the goal, over a grid of goals. */
    private static double goalError(HierarchicalAgent agent) {
        double err = 0;
        int n = 0;
        double[] a = new double[2];
        for (double g0 = 0.1; g0 < 1; g0 += 0.2) {
            for (double g1 = 0.1; g1 < 1; g1 += 0.2) {
                double[] in = {0.5, 0.5, g0, g1, g0, g1};
                agent.low().net().act(in, a);
                err += Math.abs(a[0] - g0) + Math.abs(a[1] - g1);
                n++;
            }
        }
        return err / n;
    }
}
