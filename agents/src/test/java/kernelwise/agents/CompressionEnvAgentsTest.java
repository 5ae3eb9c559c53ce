package kernelwise.agents;

import kernelwise.env.CompressionEnv;
import kernelwise.env.EnvConfig;
import kernelwise.env.EpisodeResult;
import kernelwise.env.HierarchicalEnv;
import kernelwise.env.Level;
import kernelwise.env.SyntheticScorer;
import kernelwise.env.action.ActionMapper;
import kernelwise.env.budget.Budget;
import kernelwise.env.action.KernelAllocation;
import kernelwise.env.budget.Enforcement;
import kernelwise.env.obs.KernelStats;
import kernelwise.models.compress.KernelMagnitudes;
import kernelwise.models.compress.NetworkSpecs;
import kernelwise.models.plan.CompressionPlan;
import kernelwise.models.plan.LayerInfo;
import kernelwise.models.plan.LayerPlan;
import kernelwise.models.plan.NetworkSpec;
import kernelwise.models.zoo.ModelZoo;
import org.deeplearning4j.nn.api.Model;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every agent on the real {@link CompressionEnv} (LeNet-5's 4 layers and 580 kernels, BitFusion, latency budget
 * 0.5) with the stand-in {@link SyntheticScorer}, with the default configuration (warm-up cut to one episode so
 * learning runs): the plan an episode proposes is the one its recorded actions describe through the env's action
 * mapping, the plan scored and the reward are the env's for that proposal, and the agent's plans change.
 */
class CompressionEnvAgentsTest {
    private static NetworkSpec spec;
    private static CompressionEnv kernels;
    private static CompressionEnv flat;

    @BeforeAll
    static void envs() throws IOException {
        Model lenet = ModelZoo.create("lenet5", 1);
        spec = NetworkSpecs.of(lenet);
        KernelStats stats = KernelStats.of(lenet);
        // LOW actions as the kernels' own levels, so that a plan can be rebuilt from the actions alone
        EnvConfig cfg = EnvConfig.defaults().toBuilder().allocation(KernelAllocation.UNIFORM).enforcement(Enforcement.PROJECT)
                .highActions(kernelwise.env.action.HighActions.LEVELS).build()
                .withBudget(Budget.parse("latency=0.5")).withScoring(1, 0, 1000);
        KernelMagnitudes magnitudes = KernelMagnitudes.of(lenet);
        kernels = CompressionEnv.of(spec, stats, magnitudes, List.of(new SyntheticScorer(spec)), cfg.withKernelSteps(true), cfg.hardwareModel());
        flat = CompressionEnv.of(spec, stats, magnitudes, List.of(new SyntheticScorer(spec)), cfg.withKernelSteps(false), cfg.hardwareModel());
    }

    @AfterAll
    static void close() {
        kernels.close();
        flat.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"hierarchical", "ddpg", "dqn", "random", "evolutionary"})
    void givenTheCompressionEnv_whenEachAgentRuns_thenItsActionsMakeThePlansTheEnvScores(String name) {
        CompressionEnv env = Agents.wantsKernelSteps(name) ? kernels : flat;
        AgentConfig d = new AgentConfig();
        AgentConfig cfg = d.withLevels(d.high().withSchedule(1, d.high().updatesPerEpisode()), d.low().withSchedule(1, d.low().updatesPerEpisode()));
        Agent agent = Agents.create(name, cfg, env, 3);
        Set<CompressionPlan> proposed = new HashSet<>();
        for (int e = 0; e < 4; e++) {
            Episode ep = agent.runEpisode(env, e);
            EpisodeResult r = ep.result();
            assertEquals(planOf(ep.trajectory(), env), r.proposed(), name + " episode " + e + ": the plan its actions describe");
            EpisodeResult again = env.evaluate(r.proposed());
            assertEquals(again.plan(), r.plan(), "the plan scored is the projection of the one proposed");
            assertEquals(again.reward(), r.reward(), 0.0, "the episode's reward is the env's for that plan");
            assertTrue(r.relativeCost() <= 0.5 + 1e-9, "relative cost " + r.relativeCost());
            proposed.add(r.proposed());
        }
        assertTrue(proposed.size() > 1, name + " proposed the same plan in all 4 episodes");
    }

    /** The plan a trajectory describes: HIGH actions set activation bits and the layer's goal, LOW ones each kernel. */
    private static CompressionPlan planOf(List<Transition> trajectory, HierarchicalEnv env) {
        ActionMapper m = env.actions();
        Iterator<Transition> steps = trajectory.iterator();
        List<LayerPlan> layers = new ArrayList<>();
        for (LayerInfo l : env.spec().layers()) {
            Transition high = steps.next();
            assertEquals(Level.HIGH, high.level());
            int[] bits = new int[l.kernels()];
            double[] sparsity = new double[l.kernels()];
            for (int k = 0; k < bits.length; k++) {
                double[] a = env.kernelSteps() ? steps.next().action() : new double[]{high.action()[1], high.action()[2]};
                bits[k] = m.weightBits(a[0]);
                sparsity[k] = m.sparsity(a[1]);
            }
            layers.add(new LayerPlan(l.name(), m.activationBits(high.action()[0]), bits, sparsity));
        }
        assertFalse(steps.hasNext(), "steps left after the last kernel");
        return CompressionPlan.of(env.spec(), layers);
    }
}
