package kernelwise.models.finetune;

import org.deeplearning4j.datasets.iterator.impl.ListDataSetIterator;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** Tiny networks and synthetic tasks for the methods' tests. */
final class Tiny {

    static final int SIDE = 8;
    static final int CLASSES = 3;

    private Tiny() {
    }

    /** conv 3x3x4 on an 8x8 image, dense 16, output 3. */
    static MultiLayerNetwork convNet(long seed) {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().seed(seed).updater(new Adam(5e-3))
                .weightInit(WeightInit.XAVIER).dataType(DataType.FLOAT).list()
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(4).activation(Activation.RELU).build())
                .layer(new DenseLayer.Builder().nOut(16).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(CLASSES).activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutionalFlat(SIDE, SIDE, 1)).build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }

    /** A softmax classifier with {@code nIn} inputs and two classes (one compressible layer). */
    static MultiLayerNetwork linear(long seed, int nIn, double learningRate) {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().seed(seed).updater(new Adam(learningRate))
                .weightInit(WeightInit.XAVIER).dataType(DataType.FLOAT).list()
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(nIn).nOut(2).activation(Activation.SOFTMAX).build())
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }

    /** {@code n} images whose class is the arg-max of a fixed random linear map of the pixels. */
    static DataSet images(int n, long seed) {
        Nd4j.getRandom().setSeed(seed);
        INDArray x = Nd4j.rand(DataType.FLOAT, n, SIDE * SIDE);
        INDArray teacher = Nd4j.randn(DataType.FLOAT, SIDE * SIDE, CLASSES);
        return new DataSet(x, oneHot(x.sub(0.5).mmul(teacher).argMax(1), CLASSES));
    }

    /** {@code n} points of {@code nIn} features whose class is whether feature 0 + feature 1 is positive. */
    static DataSet twoFeatures(int n, int nIn, long seed) {
        Nd4j.getRandom().setSeed(seed);
        INDArray x = Nd4j.randn(DataType.FLOAT, n, nIn);
        INDArray label = x.getColumn(0).add(x.getColumn(1)).gt(0).castTo(DataType.INT);
        return new DataSet(x, oneHot(label, 2));
    }

    static ListDataSetIterator<DataSet> batches(DataSet data, int batch) {
        return new ListDataSetIterator<>(data.asList(), batch);
    }

    private static INDArray oneHot(INDArray classes, int n) {
        INDArray y = Nd4j.zeros(DataType.FLOAT, classes.length(), n);
        for (int i = 0; i < classes.length(); i++) y.putScalar(i, classes.getInt(i), 1f);
        return y;
    }
}
