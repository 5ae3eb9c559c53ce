package kernelwise.models.attach;

import kernelwise.models.plan.CompressionPlan;
import kernelwise.models.plan.LayerInfo;
import kernelwise.models.plan.LayerPlan;
import kernelwise.models.plan.NetworkSpec;
import org.deeplearning4j.datasets.iterator.impl.ListDataSetIterator;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
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

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Small networks, generated data with a learnable signal, and mixed plans for the attachment's tests. */
final class Nets {

    static final int SIDE = 8;
    static final int CLASSES = 3;

    private Nets() {
    }

    /** dense 24 (relu), output 3, on 64 inputs. */
    static MultiLayerNetwork mlp(long seed) {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().seed(seed).updater(new Adam(3e-3))
                .weightInit(WeightInit.XAVIER).dataType(DataType.FLOAT).list()
                .layer(new DenseLayer.Builder().nOut(24).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(CLASSES).activation(Activation.SOFTMAX).build())
                .setInputType(InputType.feedForward(SIDE * SIDE)).build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }

    /** conv 3x3x6, batch norm, max-pool, dense 16, output 3, on an 8x8 image. */
    static MultiLayerNetwork conv(long seed) {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().seed(seed).updater(new Adam(3e-3))
                .weightInit(WeightInit.XAVIER).dataType(DataType.FLOAT).list()
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(6).activation(Activation.IDENTITY).build())
                .layer(new BatchNormalization.Builder().activation(Activation.RELU).build())
                .layer(new SubsamplingLayer.Builder(PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build())
                .layer(new DenseLayer.Builder().nOut(16).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(CLASSES).activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutionalFlat(SIDE, SIDE, 1)).build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }

    /** A graph: input -> dense 16 "hidden" -> output 3 "out". */
    static ComputationGraph graph(long seed) {
        ComputationGraphConfiguration conf = new NeuralNetConfiguration.Builder().seed(seed).updater(new Adam(3e-3))
                .weightInit(WeightInit.XAVIER).dataType(DataType.FLOAT).graphBuilder().addInputs("in")
                .addLayer("hidden", new DenseLayer.Builder().nIn(SIDE * SIDE).nOut(16).activation(Activation.RELU).build(), "in")
                .addLayer("out", new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(16).nOut(CLASSES).activation(Activation.SOFTMAX).build(), "hidden")
                .setOutputs("out").build();
        ComputationGraph net = new ComputationGraph(conf);
        net.init();
        return net;
    }

    /** {@code n} images in [0, 1) whose class is the arg-max of a fixed random linear map of the centred pixels. */
    static DataSet images(int n, long seed) {
        Nd4j.getRandom().setSeed(seed);
        INDArray x = Nd4j.rand(DataType.FLOAT, n, SIDE * SIDE);
        Nd4j.getRandom().setSeed(99);
        INDArray teacher = Nd4j.randn(DataType.FLOAT, SIDE * SIDE, CLASSES);
        INDArray classes = x.sub(0.5).mmul(teacher).argMax(1);
        INDArray y = Nd4j.zeros(DataType.FLOAT, n, CLASSES);
        for (int i = 0; i < n; i++) y.putScalar(i, classes.getInt(i), 1f);
        return new DataSet(x, y);
    }

    static ListDataSetIterator<DataSet> batches(DataSet data, int batch) {
        return new ListDataSetIterator<>(data.asList(), batch);
    }

    /**
     * A plan with per-kernel bits drawn from 1..8 and 32 and sparsities from {0, 0.3, 0.6, 0.9}, kernel 1 of every
     * layer with more than 3 kernels removed, and activations at 8 bits for the first layer and 4 bits for the others.
     */
    static CompressionPlan mixed(NetworkSpec spec, long seed) {
        Random r = new Random(seed);
        int[] bitChoices = {1, 2, 3, 4, 5, 6, 8, 32};
        double[] sparsityChoices = {0, 0.3, 0.6, 0.9};
        List<LayerPlan> layers = new ArrayList<>();
        for (LayerInfo l : spec.layers()) {
            int[] bits = new int[l.kernels()];
            double[] sparsity = new double[l.kernels()];
            for (int k = 0; k < bits.length; k++) {
                bits[k] = bitChoices[r.nextInt(bitChoices.length)];
                sparsity[k] = sparsityChoices[r.nextInt(sparsityChoices.length)];
            }
            if (l.kernels() > 3) sparsity[1] = 1.0;
            layers.add(new LayerPlan(l.name(), l.index() == 0 ? 8 : 4, bits, sparsity));
        }
        return CompressionPlan.of(spec, layers);
    }

    /** Fraction of {@code data} the network classifies right. */
    static double accuracy(org.deeplearning4j.nn.api.Model net, DataSet data) {
        INDArray out = net instanceof MultiLayerNetwork m ? m.output(data.getFeatures(), false) : ((ComputationGraph) net).outputSingle(false, data.getFeatures());
        return out.argMax(1).eq(data.getLabels().argMax(1)).castTo(DataType.INT).sumNumber().doubleValue() / data.numExamples();
    }
}
