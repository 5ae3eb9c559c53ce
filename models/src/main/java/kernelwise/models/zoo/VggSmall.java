package kernelwise.models.zoo;

import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.Activation;

/**
 * A small VGG-style net for 28x28: three stages of two 3x3 convolutions (16, 32, 64 channels), each followed by
 * batch norm and ReLU, a 2x2 max-pool after each stage (28 -> 14 -> 7 -> 3), dense 256 ReLU, softmax 10.
 */
final class VggSmall {
    private static final int[] CHANNELS = {16, 32, 64};

    private VggSmall() {
    }

    static MultiLayerNetwork create(long seed, ZooInput in) {
        NeuralNetConfiguration.ListBuilder list = LeNets.base(seed).convolutionMode(ConvolutionMode.Same).list();
        for (int s = 0; s < CHANNELS.length; s++) {
            for (int c = 1; c <= 2; c++) {
                String id = (s + 1) + "_" + c;
                list.layer(new ConvolutionLayer.Builder(3, 3).nOut(CHANNELS[s]).activation(Activation.IDENTITY).name("conv" + id).build());
                // DL4J M1.1 ignores a BatchNormalization layer's own activation: the ReLU is a layer of its own.
                list.layer(new BatchNormalization.Builder().name("bn" + id).build());
                list.layer(new ActivationLayer.Builder().activation(Activation.RELU).name("relu" + id).build());
            }
            list.layer(new SubsamplingLayer.Builder(PoolingType.MAX).kernelSize(2, 2).stride(2, 2)
                    .convolutionMode(ConvolutionMode.Truncate).name("pool" + (s + 1)).build());
        }
        list.layer(new DenseLayer.Builder().nOut(256).name("fc1").build());
        list.layer(LeNets.softmax("out", in.classes()));
        return LeNets.init(list.setInputType(in.image("vgg-small")).build());
    }
}
