package kernelwise.models.zoo;

import kernelwise.models.data.DataSplits;
import kernelwise.models.data.FeatureShape;
import kernelwise.models.data.SyntheticData;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelInputTest {

    static MultiLayerNetwork conv(InputType in, int classes) {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(3).list()
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(4).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(classes).activation(Activation.SOFTMAX).build())
                .setInputType(in).build());
        net.init();
        return net;
    }

    static MultiLayerNetwork mlp(int in, int classes) {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(3).list()
                .layer(new DenseLayer.Builder().nOut(8).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(classes).activation(Activation.SOFTMAX).build())
                .setInputType(InputType.feedForward(in)).build());
        net.init();
        return net;
    }

    private static DataSplits images(int n) throws Exception {
        DataSet d = SyntheticData.dataSet(SyntheticData.images(n, 2));
        return new DataSplits("images", d, d, d, Map.of());
    }

    @Test
    void givenEachInputKind_whenRead_thenTheConfigurationSaysIt() {
        assertEquals("feedForward(12 features)", ModelInput.of(mlp(12, 3)).describe());
        assertEquals("convolutionalFlat(3x32x32 image: 3072 features)", ModelInput.of(conv(InputType.convolutionalFlat(32, 32, 3), 4)).describe());
        assertEquals("convolutional(3 channels)", ModelInput.of(conv(InputType.convolutional(32, 32, 3), 4)).describe());
    }

    @Test
    void givenRankFourConvNet_whenBound_thenItTakesFlatImagesAndComputesWhatItDid() throws Exception {
        MultiLayerNetwork net = conv(InputType.convolutional(32, 32, 3), 4);
        DataSplits data = images(6);
        ModelInput.Bound b = ModelInput.bind(net, data, "conv.zip");
        assertEquals(FeatureShape.image(3, 32, 32), b.data().shape());
        assertArrayEquals(new long[]{6, 3072}, b.data().test().getFeatures().shape());
        INDArray before = net.output(data.test().getFeatures());
        INDArray after = Models.output(b.network(), b.data().test().getFeatures());
        assertEquals(0, before.sub(after).amaxNumber().doubleValue(), 1e-6);
        assertEquals("convolutionalFlat(3x32x32 image: 3072 features)", ModelInput.of(b.network()).describe());
    }

    @Test
    void givenDataOfAnotherShape_whenBound_thenRefusedNamingBothShapes() throws Exception {
        IncompatibleDataException e = assertThrows(IncompatibleDataException.class, () -> ModelInput.bind(mlp(784, 10), images(4), "mlp.zip"));
        assertEquals("model mlp.zip takes feedForward(784 features), the data images has examples of shape 3x32x32 (3072 features)", e.getMessage());
        e = assertThrows(IncompatibleDataException.class, () -> ModelInput.bind(conv(InputType.convolutionalFlat(32, 96, 1), 4), images(4), "c.zip"));
        assertTrue(e.getMessage().contains("takes convolutionalFlat(1x32x96 image: 3072 features)"), e.getMessage());
        e = assertThrows(IncompatibleDataException.class, () -> ModelInput.bind(conv(InputType.convolutional(32, 32, 1), 4), images(4), "c.zip"));
        assertTrue(e.getMessage().contains("takes convolutional(1 channels)"), e.getMessage());
    }

    @Test
    void givenFewerOutputsThanClasses_whenBound_thenRefusedAndMoreOutputsWidenTheLabels() throws Exception {
        IncompatibleDataException e = assertThrows(IncompatibleDataException.class, () -> ModelInput.bind(mlp(3072, 3), images(8), "m.zip"));
        assertEquals("model m.zip outputs 3 classes, the data images has 4 (labels 0..3)", e.getMessage());
        ModelInput.Bound b = ModelInput.bind(mlp(3072, 6), images(8), "m.zip");
        assertEquals(6, b.data().classes());
        assertArrayEquals(new long[]{8, 6}, b.data().train().getLabels().shape());
    }
}
