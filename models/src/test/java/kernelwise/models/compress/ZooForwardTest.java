package kernelwise.models.compress;

import kernelwise.models.zoo.ModelZoo;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

@org.junit.jupiter.api.Tag("slow")
class ZooForwardTest {

    static List<String> zoo() {
        return ModelZoo.names();
    }

    @ParameterizedTest
    @MethodSource("zoo")
    void givenZooModelAfterTrainingSteps_whenDirectForward_thenEqualsDl4jOutput(String name) {
        Model net = ModelZoo.create(name, 7);
        DataSet d = TestData.patterns(32, 8);
        for (int i = 0; i < 2; i++) {
            if (net instanceof MultiLayerNetwork m) m.fit(d);
            else ((ComputationGraph) net).fit(d);
        }
        INDArray x = TestData.patterns(48, 9).getFeatures();
        INDArray expected = net instanceof MultiLayerNetwork m ? m.output(x, false) : ((ComputationGraph) net).outputSingle(false, x);
        QuantizedNetwork fast = QuantizedNetwork.of(net);
        assertInstanceOf(FastForward.class, fast, name + " runs on the direct pass, not the DL4J fallback");
        INDArray actual = fast.output(x);
        double diff = Transforms.abs(expected.sub(actual)).maxNumber().doubleValue();
        assertTrue(diff < 1e-4, name + ": max difference to DL4J output() " + diff);
        assertEquals(expected.argMax(1), actual.argMax(1));
    }
}
