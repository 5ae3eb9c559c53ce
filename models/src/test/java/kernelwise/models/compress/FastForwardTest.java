package kernelwise.models.compress;

import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.ops.transforms.Transforms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FastForwardTest {

    static INDArray dl4jOutput(Model m, INDArray x) {
        return m instanceof MultiLayerNetwork n ? n.output(x, false) : ((ComputationGraph) m).outputSingle(false, x);
    }

    static void fitAFewBatches(Model m, DataSet d) {
        for (int i = 0; i < 3; i++) {
            if (m instanceof MultiLayerNetwork n) n.fit(d);
            else ((ComputationGraph) m).fit(d);
        }
    }

    static void assertSameOutput(Model m, INDArray x) {
        INDArray expected = dl4jOutput(m, x);
        INDArray actual = FastForward.compile(m).output(x);
        double maxDiff = Transforms.abs(expected.sub(actual)).maxNumber().doubleValue();
        assertTrue(maxDiff < 1e-4, "max difference to DL4J output() " + maxDiff);
        assertEquals(expected.argMax(1), actual.argMax(1));
    }

    @Test
    void givenLenetLikeNetwork_whenForward_thenEqualsDl4jOutput() {
        MultiLayerNetwork net = TestData.lenet(5);
        fitAFewBatches(net, TestData.randomData(32, 1));
        assertSameOutput(net, TestData.randomData(64, 2).getFeatures());
    }

    @Test
    void givenMlp_whenForward_thenEqualsDl4jOutput() {
        assertSameOutput(TestData.mlp(5), TestData.randomData(64, 3).getFeatures());
    }

    @Test
    void givenResidualGraphWithTrainedBatchNorm_whenForward_thenEqualsDl4jOutput() {
        ComputationGraph net = TestData.residual(5);
        fitAFewBatches(net, TestData.randomData(32, 4));
        assertSameOutput(net, TestData.randomData(64, 5).getFeatures());
    }

    @Test
    void givenCalibration_whenRangesRead_thenFirstLayerSeesImagesAndLaterLayersNonNegativeAfterRelu() {
        MultiLayerNetwork net = TestData.lenet(6);
        DataSet d = TestData.randomData(100, 7);
        ActivationRanges r = FastForward.compile(net).calibrate(d, 32);
        assertEquals(d.getFeatures().minNumber().doubleValue(), r.min()[0], 1e-7);
        assertEquals(d.getFeatures().maxNumber().doubleValue(), r.max()[0], 1e-7);
        for (int i = 1; i < r.size(); i++) assertTrue(r.min()[i] >= 0, "layer " + i + " input follows a ReLU");
    }
}
