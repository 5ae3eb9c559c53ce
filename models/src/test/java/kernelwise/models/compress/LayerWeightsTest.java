package kernelwise.models.compress;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LayerWeightsTest {

    @Test
    void givenConvLayer_whenRead_thenRowIsOneOutputChannelFilter() {
        MultiLayerNetwork net = TestData.lenet(2);
        CompressibleLayer conv2 = NetworkSpecs.layers(net).get(1);
        INDArray w = conv2.layer().getParam("W");
        INDArray m = LayerWeights.read(conv2);
        assertEquals(w.getFloat(3, 2, 1, 4), m.getFloat(3, 2 * 25 + 5 + 4), 0f);
    }

    @Test
    void givenDenseLayer_whenRead_thenRowIsOneColumnOfW() {
        CompressibleLayer dense = NetworkSpecs.layers(TestData.lenet(2)).get(2);
        INDArray w = dense.layer().getParam("W");
        INDArray m = LayerWeights.read(dense);
        assertEquals(w.get(NDArrayIndex.all(), NDArrayIndex.point(7)), m.getRow(7));
    }

    @Test
    void givenModifiedMatrix_whenWritten_thenNetworkParametersChangeAndReadBackEqual() {
        MultiLayerNetwork net = TestData.lenet(3);
        List<CompressibleLayer> layers = NetworkSpecs.layers(net);
        for (CompressibleLayer l : layers) {
            INDArray m = LayerWeights.read(l).muli(2).addi(1);
            LayerWeights.write(l, m);
            assertEquals(m, LayerWeights.read(l));
        }
        INDArray flat = net.params();
        INDArray w0 = layers.get(0).layer().getParam("W");
        assertEquals(w0.getFloat(0, 0, 0, 0), flat.getFloat(6), 0f, "conv params are [b (6), W] in the flat vector");
    }

    @Test
    void givenWrongShape_whenWritten_thenRefused() {
        CompressibleLayer l = NetworkSpecs.layers(TestData.lenet(3)).get(0);
        assertThrows(IllegalArgumentException.class, () -> LayerWeights.write(l, LayerWeights.read(l).reshape(25, 6)));
    }
}
