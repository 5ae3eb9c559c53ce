package kernelwise.models.zoo;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** LeNet-5 (Caffe variant, 431,080 parameters) and LeNet-300-100 (266,610 parameters). */
final class LeNets {
    private LeNets() {
    }

    static NeuralNetConfiguration.Builder base(long seed) {
        return new NeuralNetConfiguration.Builder()
                .seed(seed)
                .updater(new Adam(1e-3))
                .weightInit(WeightInit.RELU)
                .activation(Activation.RELU);
    }

    static OutputLayer softmax(String name, int classes) {
        return new OutputLayer.Builder(LossFunctions.LossFunction.NEGATIVELOGLIKELIHOOD)
                .nOut(classes).activation(Activation.SOFTMAX).weightInit(WeightInit.XAVIER).name(name).build();
    }

    /** conv 5x5x20, max-pool 2x2, conv 5x5x50, max-pool 2x2, dense 500 ReLU, softmax 10 (no padding). */
    static MultiLayerNetwork lenet5(long seed, ZooInput in) {
        MultiLayerConfiguration conf = base(seed).list()
                .layer(new ConvolutionLayer.Builder(5, 5).nOut(20).stride(1, 1).name("conv1").build())
                .layer(new SubsamplingLayer.Builder(PoolingType.MAX).kernelSize(2, 2).stride(2, 2).name("pool1").build())
                .layer(new ConvolutionLayer.Builder(5, 5).nOut(50).stride(1, 1).name("conv2").build())
                .layer(new SubsamplingLayer.Builder(PoolingType.MAX).kernelSize(2, 2).stride(2, 2).name("pool2").build())
                .layer(new DenseLayer.Builder().nOut(500).name("fc1").build())
                .layer(softmax("out", in.classes()))
                .setInputType(in.image("lenet5"))
                .build();
        return init(conf);
    }

    /** The MLP 784-300-100-10 (for other data: its features, 300, 100, its classes). */
    static MultiLayerNetwork lenet300(long seed, ZooInput in) {
        MultiLayerConfiguration conf = base(seed).list()
                .layer(new DenseLayer.Builder().nOut(300).name("fc1").build())
                .layer(new DenseLayer.Builder().nOut(100).name("fc2").build())
                .layer(softmax("out", in.classes()))
                .setInputType(InputType.feedForward(in.shape().size()))
                .build();
        return init(conf);
    }

    static MultiLayerNetwork init(MultiLayerConfiguration conf) {
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }
}
