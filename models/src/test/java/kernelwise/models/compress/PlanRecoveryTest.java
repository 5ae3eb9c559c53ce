package kernelwise.models.compress;

import kernelwise.models.data.DataSplits;
import kernelwise.models.data.Datasets;
import kernelwise.models.plan.CompressionPlan;
import kernelwise.models.plan.NetworkSpec;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The recovery steps on a small LeNet briefly trained on real MNIST. */
class PlanRecoveryTest {
    private static MultiLayerNetwork net;
    private static DataSet eval;
    private static DataSet train;

    @BeforeAll
    static void trainBriefly() {
        DataSplits mnist = TestData.mnist();
        net = TestData.lenet(3);
        train = Datasets.first(mnist.train(), 2000);
        for (int e = 0; e < 2; e++) net.fit(kernelwise.models.data.Batches.shuffled(train, 64, e));
        eval = Datasets.first(mnist.validation(), 1000);
    }

    private static FastPlanScorer scorer(Recovery r) {
        return FastPlanScorer.pool(net, eval, train, 1, r, Datasets.first(train, 256)).get(0);
    }

    /** Every kernel at 2 bits keeping a tenth of its weights, activations at 4 bits. */
    private static CompressionPlan harsh(NetworkSpec spec) {
        return CompressionPlan.uniform(spec, 2, 4, 0.9);
    }

    @Test
    void givenAConvLayersInputAsColumns_whenMultipliedByItsWeights_thenTheConvOutputBeforeActivation() {
        FastForward ff = FastForward.compile(net);
        INDArray x = eval.getFeatures().get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 8), org.nd4j.linalg.indexing.NDArrayIndex.all());
        float[][][] seen = new float[2][][];
        ff.observeInputs(x, (layer, in) -> {
            if (layer == 1) {
                WeightedOp op = ff.weighted(1);
                INDArray cols = PlanRecovery.columns(op, in);
                seen[0] = Nd4j.gemm(cols, op.effectiveWeights(), false, true).addiRowVector(Nd4j.createFromArray(op.bias())).toFloatMatrix();
                INDArray conv = Nd4j.exec(org.nd4j.linalg.api.ops.DynamicCustomOp.builder("conv2d")
                        .addInputs(in, op.effectiveWeights().reshape('c', 8, 6, 5, 5), Nd4j.createFromArray(op.bias()))
                        .addIntegerArguments(op.convArgs()).build())[0];
                seen[1] = conv.permute(0, 2, 3, 1).dup('c').reshape('c', -1, 8).toFloatMatrix();
            }
        });
        assertEquals(seen[1].length, seen[0].length);
        for (int r = 0; r < seen[0].length; r++) {
            for (int k = 0; k < 8; k++) assertEquals(seen[1][r][k], seen[0][r][k], 1e-4, "row " + r + " kernel " + k);
        }
    }

    @Test
    void givenAHarshPlan_whenRecovered_thenBiasCorrectionAndLeastSquaresRaiseItsAccuracy() {
        NetworkSpec spec = scorer(Recovery.NONE).spec();
        double none = scorer(Recovery.NONE).score(harsh(spec)).accuracy();
        double bias = scorer(Recovery.BIAS).score(harsh(spec)).accuracy();
        double lsq = scorer(Recovery.LSQ).score(harsh(spec)).accuracy();
        assertTrue(bias > none, "bias correction " + bias + " vs none " + none);
        assertTrue(lsq > none + 0.05, "least squares " + lsq + " vs none " + none);
    }

    @Test
    void givenRecoveringScorers_whenPlansAlternate_thenEachPlanScoresTheSameEveryTimeAndTheSourceIsUntouched() {
        INDArray before = net.params().dup();
        for (Recovery r : List.of(Recovery.BIAS, Recovery.LSQ)) {
            FastPlanScorer s = scorer(r);
            CompressionPlan a = harsh(s.spec()), b = CompressionPlan.uniform(s.spec(), 8, 8, 0.0);
            double first = s.score(a).accuracy();
            double other = s.score(b).accuracy();
            assertEquals(first, s.score(a).accuracy(), 0.0, r + ": plan a after plan b");
            assertEquals(other, s.score(b).accuracy(), 0.0, r + ": plan b after plan a");
            assertEquals(first, scorer(r).score(a).accuracy(), 0.0, r + ": a fresh scorer");
        }
        assertEquals(before, net.params());
    }
}
