package kernelwise.models.compress;

import kernelwise.models.Folders;
import kernelwise.models.data.DataSplits;
import kernelwise.models.data.Datasets;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import java.io.IOException;
import java.io.UncheckedIOException;

/** The models module's test data: the real MNIST splits, and small DL4J networks shaped like the zoo's (28x28x1 flat input, 10 classes). */
public final class TestData {
    private static DataSplits mnist;

    private TestData() {
    }

    /** The real MNIST splits, loaded once per test JVM. */
    public static synchronized DataSplits mnist() {
        if (mnist == null) {
            try {
                mnist = Datasets.load("mnist", Folders.data());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return mnist;
    }

    /** A small LeNet-like MultiLayerNetwork: conv 5x5x6, max-pool, conv 5x5x8, max-pool, dense 32, output 10. */
    public static MultiLayerNetwork lenet(long seed) {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().seed(seed).updater(new Adam(1e-3))
                .weightInit(WeightInit.XAVIER).list()
                .layer(new ConvolutionLayer.Builder(5, 5).nOut(6).activation(Activation.RELU).build())
                .layer(new SubsamplingLayer.Builder(PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build())
                .layer(new ConvolutionLayer.Builder(5, 5).name("conv2").nOut(8).activation(Activation.RELU).build())
                .layer(new SubsamplingLayer.Builder(PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build())
                .layer(new DenseLayer.Builder().nOut(32).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(10).activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutionalFlat(28, 28, 1)).build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }

    /** A small MLP: 784-64-10. */
    public static MultiLayerNetwork mlp(long seed) {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().seed(seed).updater(new Adam(1e-3))
                .weightInit(WeightInit.XAVIER).list()
                .layer(new DenseLayer.Builder().nOut(64).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(10).activation(Activation.SOFTMAX).build())
                .setInputType(InputType.feedForward(784)).build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }

    /** A small residual ComputationGraph: conv-bn-relu stem, one residual block, global pooling, output. */
    public static ComputationGraph residual(long seed) {
        ComputationGraphConfiguration conf = new NeuralNetConfiguration.Builder().seed(seed).updater(new Adam(1e-3))
                .weightInit(WeightInit.XAVIER).convolutionMode(ConvolutionMode.Same).graphBuilder()
                .addInputs("in")
                .addLayer("stem", new ConvolutionLayer.Builder(3, 3).stride(2, 2).nOut(8).activation(Activation.IDENTITY).build(), "in")
                .addLayer("stem_bn", new BatchNormalization.Builder().build(), "stem")
                .addLayer("stem_relu", new ActivationLayer.Builder().activation(Activation.RELU).build(), "stem_bn")
                .addLayer("b1_conv1", new ConvolutionLayer.Builder(3, 3).nOut(8).activation(Activation.RELU).build(), "stem_relu")
                .addLayer("b1_conv2", new ConvolutionLayer.Builder(3, 3).nOut(8).activation(Activation.IDENTITY).build(), "b1_conv1")
                .addVertex("b1_add", new ElementWiseVertex(ElementWiseVertex.Op.Add), "b1_conv2", "stem_relu")
                .addLayer("b1_relu", new ActivationLayer.Builder().activation(Activation.RELU).build(), "b1_add")
                .addLayer("pool", new GlobalPoolingLayer.Builder(PoolingType.AVG).build(), "b1_relu")
                .addLayer("out", new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(10).activation(Activation.SOFTMAX).build(), "pool")
                .setOutputs("out")
                .setInputTypes(InputType.convolutionalFlat(28, 28, 1)).build();
        ComputationGraph net = new ComputationGraph(conf);
        net.init();
        return net;
    }

    /** A learnable task: each class has a fixed random pattern; an image is its class's pattern plus noise, in [0,1]. */
    public static DataSet patterns(int n, long seed) {
        Nd4j.getRandom().setSeed(1234);
        INDArray protos = Nd4j.rand(DataType.FLOAT, 10, 784).gt(0.7).castTo(DataType.FLOAT);
        java.util.Random r = new java.util.Random(seed);
        int[] cls = new int[n];
        for (int i = 0; i < n; i++) cls[i] = r.nextInt(10);
        Nd4j.getRandom().setSeed(seed);
        INDArray x = protos.getRows(cls).muli(0.7).addi(Nd4j.rand(DataType.FLOAT, n, 784).muli(0.3));
        INDArray labels = Nd4j.zeros(DataType.FLOAT, n, 10);
        for (int i = 0; i < n; i++) labels.putScalar(i, cls[i], 1f);
        return new DataSet(x, labels);
    }

    /** The MLP trained for 3 epochs on {@code train} (batch 50). */
    public static MultiLayerNetwork trainedMlp(DataSet train) {
        MultiLayerNetwork net = mlp(3);
        for (int e = 0; e < 3; e++) {
            for (int i = 0; i < train.numExamples(); i += 50) net.fit(new DataSet(
                    train.getFeatures().get(org.nd4j.linalg.indexing.NDArrayIndex.interval(i, i + 50), org.nd4j.linalg.indexing.NDArrayIndex.all()),
                    train.getLabels().get(org.nd4j.linalg.indexing.NDArrayIndex.interval(i, i + 50), org.nd4j.linalg.indexing.NDArrayIndex.all())));
        }
        return net;
    }

    /** Random images in [0,1] with random one-hot labels. */
    public static DataSet randomData(int n, long seed) {
        Nd4j.getRandom().setSeed(seed);
        INDArray x = Nd4j.rand(DataType.FLOAT, n, 784);
        INDArray labels = Nd4j.zeros(DataType.FLOAT, n, 10);
        java.util.Random r = new java.util.Random(seed);
        for (int i = 0; i < n; i++) labels.putScalar(i, r.nextInt(10), 1f);
        return new DataSet(x, labels);
    }
}
