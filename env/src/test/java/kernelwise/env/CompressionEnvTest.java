package kernelwise.env;

import kernelwise.env.action.HighActions;
import kernelwise.env.action.KernelAllocation;
import kernelwise.env.budget.Budget;
import kernelwise.env.obs.KernelStats;
import kernelwise.models.compress.KernelMagnitudes;
import kernelwise.env.obs.ObservationBuilder;
import kernelwise.env.reward.RewardMode;
import kernelwise.models.plan.CompressionPlan;
import kernelwise.models.plan.NetworkSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The environment's contract on LeNet-5's shapes with a deterministic synthetic scorer. */
class CompressionEnvTest {

    private static final NetworkSpec SPEC = Fixtures.lenet5();
    private final List<CompressionEnv> opened = new ArrayList<>();

    static KernelStats randomStats(NetworkSpec spec, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[][][] f = new double[4][spec.size()][];
        for (int i = 0; i < spec.size(); i++) {
            for (int s = 0; s < 4; s++) f[s][i] = rnd.doubles(spec.layer(i).kernels(), 0.01, 2).toArray();
        }
        return new KernelStats(f[0], f[1], f[2], f[3]);
    }

    private CompressionEnv env(EnvConfig cfg) throws Exception {
        CompressionEnv env = CompressionEnv.of(SPEC, randomStats(SPEC, 3), KernelMagnitudes.uniform(SPEC),
                List.of(new SyntheticScorer(SPEC), new SyntheticScorer(SPEC)), cfg, cfg.hardwareModel());
        opened.add(env);
        return env;
    }

    @AfterEach
    void close() {
        opened.forEach(CompressionEnv::close);
    }

    /** Plays one episode with actions from {@code rnd}; returns every observation, reward and the result. */
    record Played(List<double[]> observations, List<Double> rewards, EpisodeResult result, int steps) {
    }

    static Played play(HierarchicalEnv env, SplittableRandom rnd) {
        List<double[]> obs = new ArrayList<>();
        List<Double> rewards = new ArrayList<>();
        obs.add(env.reset());
        int steps = 0;
        while (true) {
            int n = env.level() == Level.HIGH ? env.highActionSize() : env.lowActionSize();
            StepResult r = env.step(rnd.doubles(n).toArray());
            steps++;
            rewards.add(r.reward());
            if (r.done()) {
                assertNotNull(r.result());
                return new Played(obs, rewards, r.result(), steps);
            }
            assertNull(r.result());
            obs.add(r.observation());
            assertEquals(r.next() == Level.HIGH ? env.highObservationSize() : env.lowObservationSize(), r.observation().length);
        }
    }

    @Test
    void givenKernelSteps_whenEpisodePlayed_thenLayersPlusKernelsStepsAndObservationsInUnitRange() throws Exception {
        CompressionEnv env = env(EnvConfig.defaults());
        SplittableRandom rnd = new SplittableRandom(1);
        for (int e = 0; e < 3; e++) {
            Played p = play(env, rnd);
            assertEquals(SPEC.size() + SPEC.totalKernels(), p.steps());
            for (double[] o : p.observations()) {
                for (int i = 0; i < o.length; i++) assertTrue(o[i] >= 0 && o[i] <= 1, "feature " + i + " = " + o[i]);
            }
            for (double r : p.rewards()) assertTrue(r <= 0 && r >= -1, "intrinsic reward " + r);
        }
    }

    @Test
    void givenLayerStepsOnly_whenEpisodePlayed_thenOneStepPerLayerAndKernelsFollowGoal() throws Exception {
        CompressionEnv env = env(EnvConfig.defaults().withKernelSteps(false).withMode(RewardMode.WEIGHTED));
        Played p = play(env, new SplittableRandom(2));
        assertEquals(SPEC.size(), p.steps());
        for (int i = 0; i < SPEC.size(); i++) {
            var layer = p.result().plan().layer(i);
            for (int k = 1; k < layer.kernels(); k++) assertEquals(layer.weightBits(0), layer.weightBits(k));
        }
        assertEquals(p.result().proposed(), p.result().plan(), "weighted mode does not project");
    }

    @Test
    void givenSameActions_whenReplayedAfterReset_thenSameEpisode() throws Exception {
        CompressionEnv env = env(EnvConfig.defaults());
        Played a = play(env, new SplittableRandom(9));
        Played b = play(env, new SplittableRandom(9));
        assertEquals(a.observations().size(), b.observations().size());
        for (int i = 0; i < a.observations().size(); i++) assertArrayEquals(a.observations().get(i), b.observations().get(i));
        assertEquals(a.rewards(), b.rewards());
        assertEquals(a.result().plan(), b.result().plan());
        assertEquals(a.result().reward(), b.result().reward());
        assertArrayEquals(env.reset(), env.reset());
    }

    @Test
    void givenRandomEpisodes_whenFinished_thenEveryPlanMeetsItsBudget() throws Exception {
        for (String budget : new String[]{"latency=0.3", "energy=0.4", "size=0.15"}) {
            CompressionEnv env = env(EnvConfig.defaults().withBudget(Budget.parse(budget)));
            SplittableRandom rnd = new SplittableRandom(5);
            for (int e = 0; e < 4; e++) {
                EpisodeResult r = play(env, rnd).result();
                assertTrue(r.relativeCost() <= env.config().budget().fraction() * (1 + 1e-9), budget + ": " + r.relativeCost());
                assertEquals(r.cost().of(env.config().budget().resource()) / env.referenceCost().of(env.config().budget().resource()), r.relativeCost(), 1e-12);
                assertEquals(10 * (r.accuracy() - env.baselineAccuracy()), r.reward(), 1e-12);
            }
        }
    }

    @Test
    void givenPlans_whenEvaluatedAll_thenSameAsOneByOneInInputOrder() throws Exception {
        CompressionEnv env = env(EnvConfig.defaults());
        SplittableRandom rnd = new SplittableRandom(11);
        List<CompressionPlan> plans = new ArrayList<>();
        for (int i = 0; i < 6; i++) plans.add(Fixtures.randomPlan(SPEC, rnd, new int[]{2, 4, 8}, new double[]{0, 0.5}));
        List<EpisodeResult> all = env.evaluateAll(plans);
        for (int i = 0; i < plans.size(); i++) {
            EpisodeResult one = env.evaluate(plans.get(i));
            assertEquals(plans.get(i), all.get(i).proposed());
            assertEquals(one.plan(), all.get(i).plan());
            assertEquals(one.accuracy(), all.get(i).accuracy());
        }
    }

    @Test
    void givenMisuse_whenStepped_thenClearErrors() throws Exception {
        CompressionEnv env = env(EnvConfig.defaults());
        assertThrows(IllegalStateException.class, () -> env.step(new double[3]));
        env.reset();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> env.step(new double[2]));
        assertEquals("HIGH action must have 3 values, found 2", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> env.step(new double[]{0.5, 2, 0.5}));
        assertEquals(ObservationBuilder.HIGH_SIZE, env.highObservationSize());
    }

    @Test
    void givenGoalMetByEveryKernel_whenLowStepsTaken_thenIntrinsicRewardZero() throws Exception {
        for (KernelAllocation a : KernelAllocation.values()) {
            CompressionEnv env = env(EnvConfig.defaults().toBuilder().allocation(a).highActions(HighActions.LEVELS).build());
            env.reset();
            env.step(new double[]{0.9, 0.3, 0.2});
            StepResult r = env.step(env.neutralLowAction(new double[]{0.3, 0.2}));
            assertEquals(0, r.reward(), 1e-12, a + ": the neutral action meets the goal");
            r = env.step(new double[]{1.0, 0.2});
            assertTrue(r.reward() < 0, a.toString());
        }
    }

    /** LeNet-5's shapes with weights whose magnitudes grow with the kernel index, so kernels differ in strength. */
    private static KernelMagnitudes graded(NetworkSpec spec) {
        List<org.nd4j.linalg.api.ndarray.INDArray> ws = new ArrayList<>();
        SplittableRandom rnd = new SplittableRandom(5);
        for (int i = 0; i < spec.size(); i++) {
            var l = spec.layer(i);
            float[] w = new float[l.kernels() * l.fanIn()];
            for (int k = 0; k < l.kernels(); k++) for (int j = 0; j < l.fanIn(); j++) w[k * l.fanIn() + j] = (float) ((k + 1) * rnd.nextGaussian());
            ws.add(org.nd4j.linalg.factory.Nd4j.createFromArray(w).reshape(l.kernels(), l.fanIn()));
        }
        return KernelMagnitudes.of(ws);
    }

    private CompressionEnv magnitudeEnv(boolean kernelSteps) throws Exception {
        EnvConfig cfg = EnvConfig.defaults().toBuilder().highActions(HighActions.LEVELS).build().withKernelSteps(kernelSteps).withMode(RewardMode.WEIGHTED);
        CompressionEnv env = CompressionEnv.of(SPEC, randomStats(SPEC, 3), graded(SPEC), List.of(new SyntheticScorer(SPEC)), cfg, cfg.hardwareModel());
        opened.add(env);
        return env;
    }

    @Test
    void givenHighActionsRelativeToThePrior_whenEveryActionIsTheMiddle_thenThePlanIsTheFittingGlobalMagnitudePlan() throws Exception {
        EnvConfig cfg = EnvConfig.defaults().withKernelSteps(false).withBudget(Budget.parse("size=0.05")).withScoring(1, 0, 10)
                .toBuilder().hardware("size", null).build();
        KernelMagnitudes m = graded(SPEC);
        CompressionEnv env = CompressionEnv.of(SPEC, randomStats(SPEC, 3), m, List.of(new SyntheticScorer(SPEC)), cfg, cfg.hardwareModel());
        opened.add(env);
        env.reset();
        StepResult r = null;
        for (int l = 0; l < SPEC.size(); l++) r = env.step(new double[]{0.5, 0.5, 0.5});
        CompressionPlan plan = r.result().proposed();
        assertTrue(r.result().relativeCost() <= 0.05 * (1 + 1e-9), "the prior fits: " + r.result().relativeCost());
        assertTrue(r.result().relativeCost() > 0.04, "and uses most of the budget: " + r.result().relativeCost());
        long kept = 0, all = 0;
        for (int l = 0; l < SPEC.size(); l++) {
            var info = SPEC.layer(l);
            all += (long) info.kernels() * info.fanIn();
            for (int k = 0; k < info.kernels(); k++) kept += plan.layer(l).keptWeights(k, info.fanIn());
            assertEquals(plan.layer(0).weightBits(0), plan.layer(l).weightBits(0), "one width for every layer");
        }
        double density = kept / (double) all;
        for (int l = 0; l < SPEC.size(); l++) {
            var info = SPEC.layer(l);
            int layerKept = 0;
            for (int k = 0; k < info.kernels(); k++) layerKept += plan.layer(l).keptWeights(k, info.fanIn());
            assertEquals(MagnitudePlanKept.of(m, SPEC, density, l), layerKept, 0.01 * info.kernels() * info.fanIn() + 2, info.name() + ": one global threshold");
        }
    }

    /** Weights layer {@code l} keeps under the global threshold of {@code density}. */
    private static final class MagnitudePlanKept {
        static double of(KernelMagnitudes m, NetworkSpec spec, double density, int l) {
            double t = m.globalThreshold(density);
            int kept = 0;
            for (int k = 0; k < spec.layer(l).kernels(); k++) kept += m.kept(l, k, t);
            return kept;
        }
    }

    @Test
    void givenMagnitudeAllocation_whenALayerGoalIsSet_thenStrongKernelsKeepMoreAndTheLayerKeepsItsDensity() throws Exception {
        CompressionEnv flat = magnitudeEnv(false);
        flat.reset();
        double goalAction = flat.actions().sparsityAction(8);          // density 1/16
        StepResult r = null;
        for (int l = 0; l < SPEC.size(); l++) r = flat.step(new double[]{0.99, 0.99, goalAction});
        CompressionPlan plan = r.result().proposed();
        for (int l = 0; l < SPEC.size(); l++) {
            var info = SPEC.layer(l);
            long kept = 0;
            for (int k = 0; k < info.kernels(); k++) kept += plan.layer(l).keptWeights(k, info.fanIn());
            assertEquals(info.kernels() * info.fanIn() / 16.0, kept, info.kernels() * info.fanIn() * 0.01, info.name());
            assertTrue(plan.layer(l).sparsity(0) > plan.layer(l).sparsity(info.kernels() - 1), info.name() + ": the weakest kernel keeps less");
            assertEquals(8, plan.layer(l).weightBits(0));
        }
    }

    @Test
    void givenMagnitudeAllocation_whenKernelsAct_thenTheMiddleFollowsTheLayerAllocationAndTheEndsAdjustIt() throws Exception {
        CompressionEnv flat = magnitudeEnv(false), kernels = magnitudeEnv(true);
        double goal = flat.actions().sparsityAction(6), bits = flat.actions().weightAction(3);   // density 1/8, 4 bits
        flat.reset();
        CompressionPlan follow = null;
        for (int l = 0; l < SPEC.size(); l++) {
            StepResult r = flat.step(new double[]{0.99, bits, goal});
            if (r.done()) follow = r.result().proposed();
        }
        kernels.reset();
        CompressionPlan adjusted = null;
        for (int l = 0; l < SPEC.size(); l++) {
            kernels.step(new double[]{0.99, bits, goal});
            for (int k = 0; k < SPEC.layer(l).kernels(); k++) {
                int last = SPEC.layer(l).kernels() - 1;
                double[] a = k == 0 ? new double[]{1.0, 0.0} : k == last ? new double[]{0.0, 1.0} : new double[]{0.5, 0.5};
                StepResult r = kernels.step(a);
                if (r.done()) adjusted = r.result().proposed();
            }
        }
        for (int l = 0; l < SPEC.size(); l++) {
            var info = SPEC.layer(l);
            assertEquals(1.0, adjusted.layer(l).sparsity(0), info.name() + ": the lowest sparsity action removes the kernel");
            assertEquals(6, adjusted.layer(l).weightBits(0), info.name() + ": the highest bits action adds two levels");
            int last = info.kernels() - 1;
            assertEquals(2, adjusted.layer(l).weightBits(last), info.name() + ": the lowest takes two away");
            assertTrue(adjusted.layer(l).sparsity(last) < follow.layer(l).sparsity(last), info.name() + ": the highest sparsity action keeps more weights");
            for (int k = 1; k < last; k++) {
                assertEquals(follow.layer(l).sparsity(k), adjusted.layer(l).sparsity(k), 0, info.name() + " kernel " + k);
                assertEquals(4, adjusted.layer(l).weightBits(k));
            }
        }
    }
}
