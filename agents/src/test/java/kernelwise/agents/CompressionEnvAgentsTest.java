package kernelwise.agents;

import kernelwise.env.CompressionEnv;
import kernelwise.env.EnvConfig;
import kernelwise.env.budget.Budget;
import kernelwise.env.obs.KernelStats;
import kernelwise.models.compress.NetworkSpecs;
import kernelwise.models.compress.PlanCounts;
import kernelwise.models.compress.PlanScore;
import kernelwise.models.compress.PlanScorer;
import kernelwise.models.plan.CompressionPlan;
import kernelwise.models.plan.LayerPlan;
import kernelwise.models.plan.NetworkSpec;
import kernelwise.models.zoo.ModelZoo;
import org.deeplearning4j.nn.api.Model;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every agent on the real {@link CompressionEnv} (LeNet-5's 4 layers and 580 kernels, BitFusion, latency budget
 * 0.5) with a cheap stand-in scorer, with the default configuration (warm-up cut to one episode so learning runs).
 */
class CompressionEnvAgentsTest {
    private static NetworkSpec spec;
    private static KernelStats stats;
    private static CompressionEnv kernels;
    private static CompressionEnv flat;

    @BeforeAll
    static void envs() throws IOException {
        Model lenet = ModelZoo.create("lenet5", 1);
        spec = NetworkSpecs.of(lenet);
        stats = KernelStats.of(lenet);
        EnvConfig cfg = EnvConfig.defaults().withBudget(Budget.parse("latency=0.5")).withScoring(1, 0, 1000);
        kernels = CompressionEnv.of(spec, stats, List.of(new NoiseScorer(spec)), cfg.withKernelSteps(true), cfg.hardwareModel());
        flat = CompressionEnv.of(spec, stats, List.of(new NoiseScorer(spec)), cfg.withKernelSteps(false), cfg.hardwareModel());
    }

    @AfterAll
    static void close() {
        kernels.close();
        flat.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"hierarchical", "ddpg", "dqn", "random", "evolutionary"})
    void givenTheCompressionEnv_whenEachAgentRuns_thenEveryEpisodeScoresAPlanWithinTheBudget(String name) {
        CompressionEnv env = Agents.wantsKernelSteps(name) ? kernels : flat;
        AgentConfig d = new AgentConfig();
        AgentConfig cfg = d.withLevels(d.high().withSchedule(1, d.high().updatesPerEpisode()), d.low().withSchedule(1, d.low().updatesPerEpisode()));
        Agent agent = Agents.create(name, cfg, env, 3);
        double agentSeconds = 0;
        long start = System.nanoTime();
        int n = 4;
        for (int e = 0; e < n; e++) {
            Episode ep = agent.runEpisode(env, e);
            ep.result().plan().checkAgainst(spec);
            assertTrue(ep.result().relativeCost() <= 0.5 + 1e-9, "relative cost " + ep.result().relativeCost());
            if (name.equals("hierarchical")) assertEquals(spec.size() + spec.totalKernels(), ep.trajectory().size());
            agentSeconds += ep.agentSeconds();
        }
        double total = (System.nanoTime() - start) / 1e9;
        org.slf4j.LoggerFactory.getLogger(CompressionEnvAgentsTest.class).warn("{}: agent {} s/episode, env {} s/episode (stand-in scorer)",
                name, agentSeconds / n, (total - agentSeconds) / n);
    }

    /** Accuracy falls with quantization noise (~2^-bits) and squared sparsity; counts are the real ones. */
    private record NoiseScorer(NetworkSpec spec) implements PlanScorer {
        @Override
        public PlanScore score(CompressionPlan plan) {
            double damage = 0;
            for (int i = 0; i < spec.size(); i++) {
                LayerPlan p = plan.layer(i);
                double layer = 0;
                for (int k = 0; k < p.kernels(); k++) {
                    int b = p.weightBits(k);
                    layer += (b == CompressionPlan.FLOAT_BITS ? 0 : Math.pow(2, -b)) + 0.5 * p.sparsity(k) * p.sparsity(k);
                }
                int a = p.activationBits();
                damage += layer / p.kernels() + (a == CompressionPlan.FLOAT_BITS ? 0 : 0.5 * Math.pow(2, -a));
            }
            return new PlanScore(Math.max(0.1, 0.99 - damage / spec.size()), PlanCounts.of(spec, plan), 0);
        }
    }
}
