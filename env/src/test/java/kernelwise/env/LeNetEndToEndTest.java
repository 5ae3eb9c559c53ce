package kernelwise.env;

import kernelwise.env.hardware.HardwareModels;
import kernelwise.env.budget.Budget;
import kernelwise.env.reward.RewardMode;
import kernelwise.models.Folders;
import kernelwise.models.data.Batches;
import kernelwise.models.data.DataSplits;
import kernelwise.models.data.Datasets;
import kernelwise.models.plan.CompressionPlan;
import kernelwise.models.train.ModelStore;
import kernelwise.models.zoo.ModelZoo;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Full episodes on LeNet-5 with the real {@link kernelwise.models.compress.FastPlanScorer}: the trained model from
 * results/models if there is one, else the zoo's LeNet-5 trained for one pass over 2,048 images (CI has no trained
 * model). Plans are scored on 500 search-validation images for speed.
 */
@Tag("slow")
class LeNetEndToEndTest {

    private static final Logger LOG = LoggerFactory.getLogger(LeNetEndToEndTest.class);
    private static DataSplits mnist;
    private static Model lenet;

    @BeforeAll
    static void load() throws Exception {
        mnist = Datasets.load("mnist", Folders.data());
        ModelStore store = ModelStore.inResults(Folders.results());
        if (store.card("lenet5", "mnist").isPresent()) {
            lenet = store.load("lenet5", "mnist").network();
        } else {
            MultiLayerNetwork net = (MultiLayerNetwork) ModelZoo.create("lenet5", 7);
            net.fit(Batches.shuffled(Datasets.first(mnist.train(), 2048), 64, 7));
            lenet = net;
        }
    }

    private static EnvConfig cfg(String hardware, String budget) {
        return EnvConfig.defaults().withHardware(hardware, null).withBudget(Budget.parse(budget)).withScoring(1, 500, 500);
    }

    @Test
    void givenLeNet_whenRandomEpisodesRun_thenEveryFinishedPlanMeetsItsBudget() throws Exception {
        String[][] cases = {{"bitfusion", "latency=0.4"}, {"bismo", "energy=0.3"}, {"size", "size=0.1"}};
        SplittableRandom rnd = new SplittableRandom(17);
        for (String[] c : cases) {
            try (CompressionEnv env = CompressionEnv.create(lenet, mnist, cfg(c[0], c[1]), cfg(c[0], c[1]).hardwareModel())) {
                assertTrue(env.baselineAccuracy() > 0.5, "briefly trained LeNet-5, found " + env.baselineAccuracy());
                for (int e = 0; e < 3; e++) {
                    long t0 = System.nanoTime();
                    CompressionEnvTest.Played p = CompressionEnvTest.play(env, rnd);
                    double wall = (System.nanoTime() - t0) / 1e9;
                    EpisodeResult r = p.result();
                    assertEquals(env.spec().size() + env.spec().totalKernels(), p.steps());
                    assertTrue(r.relativeCost() <= env.config().budget().fraction() * (1 + 1e-9), c[1] + " missed: " + r.relativeCost());
                    assertTrue(r.accuracy() >= 0 && r.accuracy() <= 1);
                    LOG.info("{} {}: accuracy {} (baseline {}), relative cost {}, episode {} s = env {} s + scoring {} s",
                            c[0], c[1], r.accuracy(), env.baselineAccuracy(), r.relativeCost(), wall, wall - r.scoreSeconds(), r.scoreSeconds());
                }
            }
        }
    }

    @Test
    void givenLeNet_when8BitPlanScored_thenAccuracyNearBaselineAndCostIsReference() throws Exception {
        try (CompressionEnv env = CompressionEnv.create(lenet, mnist, cfg("bitfusion", "latency=0.5").withMode(RewardMode.WEIGHTED),
                HardwareModels.byName("bitfusion", null))) {
            EpisodeResult r = env.evaluate(Budget.referencePlan(env.spec()));
            assertEquals(1.0, r.relativeCost(), 1e-12);
            assertTrue(Math.abs(r.accuracy() - env.baselineAccuracy()) < 0.03, r.accuracy() + " vs " + env.baselineAccuracy());
            EpisodeResult two = env.evaluate(CompressionPlan.uniform(env.spec(), 2, 2, 0));
            assertTrue(two.relativeCost() < 0.25, "2-bit latency " + two.relativeCost());
        }
    }
}
