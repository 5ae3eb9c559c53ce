package kernelwise.agents.dqn;

import kernelwise.env.CompressionEnv;
import kernelwise.env.EnvConfig;
import kernelwise.env.Fixtures;
import kernelwise.env.SyntheticScorer;
import kernelwise.env.hardware.HardwareModels;
import kernelwise.env.obs.KernelStats;
import kernelwise.models.compress.KernelMagnitudes;
import kernelwise.models.plan.NetworkSpec;
import org.deeplearning4j.gym.StepReply;
import org.deeplearning4j.rl4j.learning.configuration.QLearningConfiguration;
import org.deeplearning4j.rl4j.learning.sync.qlearning.discrete.QLearningDiscreteDense;
import org.deeplearning4j.rl4j.network.configuration.DQNDenseNetworkConfiguration;
import org.deeplearning4j.rl4j.space.Box;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CompressionMdpTest {

    private static final NetworkSpec SPEC = Fixtures.lenet5();

    private static CompressionEnv env(boolean kernelSteps) throws Exception {
        return CompressionEnv.of(SPEC, KernelStats.uniform(SPEC), KernelMagnitudes.uniform(SPEC), List.of(new SyntheticScorer(SPEC)),
                EnvConfig.defaults().toBuilder().highActions(kernelwise.env.action.HighActions.LEVELS).build().withKernelSteps(kernelSteps).withScoring(1, 0, 1), HardwareModels.byName("bitfusion", null));
    }

    @Test
    void givenKernelStepEnv_whenPlayedThroughMdp_thenOneStepPerLayerAndKernelsFollowLayerChoice() throws Exception {
        try (CompressionEnv env = env(true)) {
            CompressionMdp mdp = new CompressionMdp(env, 4);
            assertEquals(8 * 4, mdp.getActionSpace().getSize());
            Box o = mdp.reset();
            assertEquals(env.highObservationSize(), o.toArray().length);
            int steps = 0;
            StepReply<Box> r;
            do {
                r = mdp.step(3 * 4 + 1);  // 4-bit weights, sparsity choice 1
                steps++;
            } while (!r.isDone());
            assertEquals(SPEC.size(), steps);
            var proposed = mdp.lastResult().proposed();
            for (int i = 0; i < SPEC.size(); i++) {
                assertEquals(4, proposed.layer(i).activationBits());
                for (int k = 0; k < SPEC.layer(i).kernels(); k++) assertEquals(4, proposed.layer(i).weightBits(k));
            }
            assertEquals(mdp.lastResult().reward(), r.getReward());
        }
    }

    @Test
    void givenMdp_whenRl4jDqnTrainsAFewEpisodes_thenItRunsAndEveryEpisodeEnds() throws Exception {
        try (CompressionEnv env = env(false)) {
            CompressionMdp mdp = new CompressionMdp(env, 2);
            QLearningConfiguration ql = QLearningConfiguration.builder()
                    .seed(123L).maxEpochStep(SPEC.size()).maxStep(6 * SPEC.size()).expRepMaxSize(100).batchSize(4)
                    .targetDqnUpdateFreq(4).updateStart(4).rewardFactor(1).gamma(0.99).errorClamp(1.0)
                    .minEpsilon(0.1f).epsilonNbStep(12).doubleDQN(true).build();
            DQNDenseNetworkConfiguration net = DQNDenseNetworkConfiguration.builder().l2(0.001).learningRate(0.001)
                    .numHiddenNodes(16).numLayers(2).build();
            QLearningDiscreteDense<Box> dqn = new QLearningDiscreteDense<>(mdp, net, ql);
            dqn.train();
            assertNotNull(mdp.lastResult(), "at least one episode finished");
            assertTrue(dqn.getStepCount() >= 6 * SPEC.size(), "steps " + dqn.getStepCount());
            assertTrue(mdp.lastResult().relativeCost() <= 0.5 + 1e-9);
        }
    }
}
