package kernelwise.models.compress;

import kernelwise.models.plan.CompressionPlan;
import kernelwise.models.plan.LayerPlan;
import kernelwise.models.plan.NetworkSpec;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FastPlanScorerTest {

    private static MultiLayerNetwork trainedLenet() {
        MultiLayerNetwork net = TestData.lenet(11);
        DataSet d = TestData.randomData(64, 12);
        for (int i = 0; i < 5; i++) net.fit(d);
        return net;
    }

    private static double dl4jAccuracy(MultiLayerNetwork net, DataSet d) {
        return net.output(d.getFeatures(), false).argMax(1).eq(d.getLabels().argMax(1)).castTo(org.nd4j.linalg.api.buffer.DataType.INT).sumNumber().doubleValue() / d.numExamples();
    }

    @Test
    void givenIdentityPlan_whenScored_thenOutputsAndAccuracyEqualTheFloatNetwork() {
        MultiLayerNetwork net = trainedLenet();
        DataSet eval = TestData.randomData(300, 13);
        FastPlanScorer scorer = new FastPlanScorer(net, eval, TestData.randomData(100, 14));
        NetworkSpec spec = scorer.spec();
        PlanScore s = scorer.score(CompressionPlan.identity(spec));
        assertEquals(dl4jAccuracy(net, eval), s.accuracy(), 1e-12);
        INDArray fast = scorer.network().output(eval.getFeatures());
        assertEquals(FastForward.compile(net).output(eval.getFeatures()), fast);
        assertEquals(spec.totalWeights(), s.counts().keptWeights());
    }

    @Test
    void givenAggressivePlan_whenScored_thenSourceNetworkUnmodified() {
        MultiLayerNetwork net = trainedLenet();
        INDArray before = net.params().dup();
        FastPlanScorer scorer = new FastPlanScorer(net, TestData.randomData(100, 15), TestData.randomData(100, 16));
        PlanScore s = scorer.score(CompressionPlan.uniform(scorer.spec(), 2, 2, 0.9));
        assertEquals(before, net.params());
        assertTrue(s.counts().keptWeights() < scorer.spec().totalWeights() / 5);
    }

    @Test
    void givenQuantizedPlanRemovingKernels_whenFastPassAndDl4jCopyCompared_thenSameOutputsAndRemovedBiasesZero() {
        MultiLayerNetwork net = trainedLenet();
        DataSet eval = TestData.randomData(64, 17);
        FastPlanScorer scorer = new FastPlanScorer(net, eval, TestData.randomData(100, 18));
        CompressionPlan plan = CompressionPlan.uniform(scorer.spec(), 4, 4, 0.5);
        for (int i = 0; i < plan.size(); i++) {
            double[] sparsity = plan.layer(i).sparsity();
            sparsity[1] = 1.0;
            plan = plan.withLayer(i, new LayerPlan(plan.layer(i).layer(), 4, plan.layer(i).weightBits(), sparsity));
        }
        scorer.apply(plan);
        QuantizedCopy copy = QuantizedCopy.of(net);
        List<CompressibleLayer> layers = NetworkSpecs.layers(net);
        for (int i = 0; i < layers.size(); i++) {
            copy.setWeights(i, KernelProjection.project(LayerWeights.read(layers.get(i)), plan.layer(i)).weights(), plan.layer(i).removedKernels(layers.get(i).info().fanIn()));
            INDArray source = layers.get(i).layer().getParam(LayerWeights.BIAS_KEY).reshape(-1);
            INDArray working = copy.layers().get(i).layer().getParam(LayerWeights.BIAS_KEY).reshape(-1);
            assertEquals(0.0, working.getDouble(1), "removed kernel's bias");
            assertNotEquals(0.0, source.getDouble(1));
            assertEquals(source.getDouble(0), working.getDouble(0), "kept kernel's bias");
        }
        copy.setActivationQuant(scorer.ranges().quants(plan));
        INDArray fast = scorer.network().output(eval.getFeatures());
        INDArray dl4j = copy.output(eval.getFeatures());
        assertTrue(Transforms.abs(fast.sub(dl4j)).maxNumber().doubleValue() < 1e-4);
        assertNotEquals(FastForward.compile(net).output(eval.getFeatures()), fast, "the plan changes the outputs");
    }

    @Test
    void givenPool_whenCreated_thenScorersShareRangesAndAgree() {
        Model net = trainedLenet();
        DataSet eval = TestData.randomData(100, 19);
        List<FastPlanScorer> pool = FastPlanScorer.pool(net, eval, TestData.randomData(100, 20), 2);
        assertSame(pool.get(0).ranges(), pool.get(1).ranges());
        CompressionPlan plan = CompressionPlan.uniform(pool.get(0).spec(), 3, 6, 0.3);
        assertEquals(pool.get(0).score(plan).accuracy(), pool.get(1).score(plan).accuracy(), 0.0);
    }

    @Test
    void givenPlanForAnotherNetwork_whenScored_thenRefused() {
        FastPlanScorer scorer = new FastPlanScorer(trainedLenet(), TestData.randomData(50, 21), TestData.randomData(50, 22));
        CompressionPlan other = CompressionPlan.identity(NetworkSpecs.of(TestData.mlp(1)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> scorer.score(other));
        assertTrue(e.getMessage().contains("layers"), e.getMessage());
    }
}
