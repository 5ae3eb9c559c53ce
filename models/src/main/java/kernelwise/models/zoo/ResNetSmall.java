package kernelwise.models.zoo;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.activations.Activation;

/**
 * A small residual net as a ComputationGraph: a 3x3x16 stem, then three residual blocks (16 channels at 28x28,
 * 32 at 14x14, 64 at 7x7; the last two stride 2 with a 1x1 projection shortcut), global average pooling, softmax 10.
 * Each block: conv 3x3, BN+ReLU, conv 3x3, BN, add the shortcut, ReLU.
 */
final class ResNetSmall {
    private static final int[] CHANNELS = {16, 32, 64};

    private ResNetSmall() {
    }

    static ComputationGraph create(long seed, ZooInput in) {
        ComputationGraphConfiguration.GraphBuilder g = LeNets.base(seed).convolutionMode(ConvolutionMode.Same)
                .graphBuilder().addInputs("in").setInputTypes(in.image("resnet-small"));
        g.addLayer("stem", conv(3, CHANNELS[0], 1), "in");
        bnRelu(g, "stem_bn", "stem");
        String last = "stem_bn_relu";
        for (int b = 0; b < CHANNELS.length; b++) last = block(g, "b" + (b + 1), last, CHANNELS[b], b == 0 ? 1 : 2);
        g.addLayer("pool", new GlobalPoolingLayer.Builder(PoolingType.AVG).build(), last);
        g.addLayer("out", LeNets.softmax("out", in.classes()), "pool");
        ComputationGraph net = new ComputationGraph(g.setOutputs("out").build());
        net.init();
        return net;
    }

    private static String block(ComputationGraphConfiguration.GraphBuilder g, String id, String in, int channels, int stride) {
        g.addLayer(id + "_conv1", conv(3, channels, stride), in);
        bnRelu(g, id + "_bn1", id + "_conv1");
        g.addLayer(id + "_conv2", conv(3, channels, 1), id + "_bn1_relu");
        g.addLayer(id + "_bn2", new BatchNormalization.Builder().build(), id + "_conv2");
        String shortcut = in;
        if (stride != 1) {
            g.addLayer(id + "_proj", conv(1, channels, stride), in);
            shortcut = id + "_proj";
        }
        g.addVertex(id + "_add", new ElementWiseVertex(ElementWiseVertex.Op.Add), id + "_bn2", shortcut);
        g.addLayer(id + "_relu", relu(), id + "_add");
        return id + "_relu";
    }

    private static ConvolutionLayer conv(int k, int channels, int stride) {
        return new ConvolutionLayer.Builder(k, k).nOut(channels).stride(stride, stride).activation(Activation.IDENTITY).build();
    }

    /** Batch norm then ReLU as a layer of its own: DL4J M1.1 ignores a BatchNormalization layer's activation. */
    private static void bnRelu(ComputationGraphConfiguration.GraphBuilder g, String bnName, String in) {
        g.addLayer(bnName, new BatchNormalization.Builder().build(), in);
        g.addLayer(bnName + "_relu", relu(), bnName);
    }

    private static ActivationLayer relu() {
        return new ActivationLayer.Builder().activation(Activation.RELU).build();
    }
}
