package kernelwise.agents;

import kernelwise.agents.ddpg.HierarchicalAgent;
import kernelwise.env.Level;
import kernelwise.env.SyntheticEnv;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class GoalRelabellingTest {

    @Test
    void givenRelabelling_whenAnEpisodeIsStored_thenEachLayerGoalIsTheMeanOfItsKernelActions() {
        SyntheticEnv env = new SyntheticEnv(2, 5, true);
        HierarchicalAgent agent = new HierarchicalAgent(TestConfigs.tiny().withRelabelGoals(true), env, 4);
        List<Transition> steps = agent.runEpisode(env, 0).trajectory();
        for (int layer = 0; layer < 2; layer++) {
            int h = layer * 6;                                // 1 HIGH + 5 LOW steps per layer
            assertEquals(Level.HIGH, steps.get(h).level());
            double bits = 0;
            double sparsity = 0;
            for (int k = 1; k <= 5; k++) {
                bits += steps.get(h + k).action()[0] / 5;
                sparsity += steps.get(h + k).action()[1] / 5;
            }
            double[] stored = agent.high().replay().action(1 - layer);   // newest = last layer
            assertEquals((float) steps.get(h).action()[0], stored[0], 0.0, "activation bits are kept");
            assertEquals(bits, stored[1], 1e-6);
            assertEquals(sparsity, stored[2], 1e-6);
        }
    }

    @Test
    void givenNoRelabelling_whenAnEpisodeIsStored_thenTheGoalAskedForIsKept() {
        SyntheticEnv env = new SyntheticEnv(1, 5, true);
        HierarchicalAgent agent = new HierarchicalAgent(TestConfigs.tiny().withRelabelGoals(false), env, 4);
        double[] asked = agent.runEpisode(env, 0).trajectory().get(0).action();
        double[] stored = agent.high().replay().action(0);
        for (int i = 0; i < 3; i++) assertEquals((float) asked[i], stored[i], 0.0);
    }
}
