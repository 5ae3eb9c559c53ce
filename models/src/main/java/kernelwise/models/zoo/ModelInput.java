package kernelwise.models.zoo;

import kernelwise.models.compress.NetworkSpecs;
import kernelwise.models.data.DataSplits;
import kernelwise.models.data.FeatureShape;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.preprocessor.FeedForwardToCnnPreProcessor;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * The input a network takes, read from its configuration, and the binding of data to it. Three kinds, as DL4J's
 * input types: {@code feedForward(n)} (a first dense layer: n features), {@code convolutionalFlat(h, w, c)} (a
 * flattening preprocessor in front of a convolution: {@code c*h*w} features, an image of that shape if the data is
 * one), {@code convolutional(c)} (a convolution reading {@code [N, C, H, W]} arrays: an image of c channels of any
 * size the layers accept). Kernelwise feeds every network flat features: a {@code convolutional} network is rebuilt
 * with DL4J's flattening preprocessor in front (same parameters, same outputs).
 *
 * @param kind     {@code feedForward}, {@code convolutionalFlat}, {@code convolutional} or {@code unknown}
 * @param shape    the example shape it takes ({@code convolutional}: channels only, {@code 1x1} for height and width)
 * @param channelsLast whether its first convolution reads channels-last (NHWC) arrays
 */
public record ModelInput(String kind, FeatureShape shape, boolean channelsLast) {
    private static final Logger log = LoggerFactory.getLogger(ModelInput.class);

    /** A network bound to data: the network as Kernelwise runs it and the data in the shape it takes. */
    public record Bound(Model network, DataSplits data) {
    }

    /** The input {@code model}'s configuration declares (kind {@code unknown} where it cannot be read off). */
    public static ModelInput of(Model model) {
        if (model instanceof MultiLayerNetwork mln) {
            MultiLayerConfiguration c = mln.getLayerWiseConfigurations();
            return from(c.getInputPreProcess(0), c.getConf(0).getLayer());
        }
        if (model instanceof ComputationGraph cg) {
            LayerVertex first = firstVertex(cg.getConfiguration());
            return first == null ? new ModelInput("unknown", null, false) : from(first.getPreProcessor(), first.getLayerConf().getLayer());
        }
        throw new IllegalArgumentException("model must be a MultiLayerNetwork or ComputationGraph, found " + model.getClass().getName());
    }

    private static ModelInput from(InputPreProcessor pre, Layer first) {
        if (pre instanceof kernelwise.models.compress.FakeQuantPreProcessor fq) pre = fq.inner();
        if (pre instanceof FeedForwardToCnnPreProcessor p) {
            return new ModelInput("convolutionalFlat", FeatureShape.image((int) p.getNumChannels(), (int) p.getInputHeight(), (int) p.getInputWidth()), false);
        }
        if (pre == null && first instanceof ConvolutionLayer cv) {
            return new ModelInput("convolutional", FeatureShape.image((int) cv.getNIn(), 1, 1), cv.getCnn2dDataFormat() == CNN2DFormat.NHWC);
        }
        if (pre == null && first instanceof FeedForwardLayer ff && !(first instanceof ConvolutionLayer) && ff.getNIn() > 0) {
            return new ModelInput("feedForward", FeatureShape.vector((int) ff.getNIn()), false);
        }
        return new ModelInput("unknown", null, false);
    }

    private static LayerVertex firstVertex(ComputationGraphConfiguration c) {
        if (c.getNetworkInputs().size() != 1) return null;
        String in = c.getNetworkInputs().get(0);
        for (String v : c.getTopologicalOrderStr()) {
            if (c.getVertexInputs().getOrDefault(v, java.util.List.of()).contains(in) && c.getVertices().get(v) instanceof LayerVertex lv) return lv;
        }
        return null;
    }

    /** How the input reads in messages, e.g. {@code convolutionalFlat(28x28x1: 784 features)}. */
    public String describe() {
        return switch (kind) {
            case "feedForward" -> "feedForward(" + shape.size() + " features)";
            case "convolutionalFlat" -> "convolutionalFlat(" + shape + " image: " + shape.size() + " features)";
            case "convolutional" -> "convolutional(" + shape.channels() + " channels" + (channelsLast ? ", channels-last" : "") + ")";
            default -> "an input Kernelwise cannot read off its configuration";
        };
    }

    /**
     * Checks, before any work, that {@code model} can take {@code data}, and returns both as Kernelwise runs them:
     * features flattened to the vectors the network reads (a {@code convolutional} network rebuilt to take them), labels
     * widened with empty classes when the model outputs more classes than the data has.
     *
     * @throws IncompatibleDataException naming the model's input and the data's shape, or both class counts
     */
    public static Bound bind(Model model, DataSplits data, String modelName) throws IncompatibleDataException {
        ModelInput in = of(model);
        FeatureShape s = data.shape();
        String what = "model " + modelName + " takes " + in.describe() + ", the data " + data.name() + " has examples of shape " + s
                + " (" + s.size() + " features)";
        Model net = model;
        switch (in.kind) {
            case "feedForward" -> {
                if (s.size() != in.shape.size()) throw new IncompatibleDataException(what);
            }
            case "convolutionalFlat" -> {
                if (s.size() != in.shape.size() || s.isImage() && !s.equals(in.shape)) throw new IncompatibleDataException(what);
            }
            case "convolutional" -> {
                if (!s.isImage() || s.channels() != in.shape.channels()) throw new IncompatibleDataException(what);
                if (in.channelsLast) {
                    throw new IncompatibleDataException("model " + modelName + " reads channels-last (NHWC) images; Kernelwise runs channels-first"
                            + " (NCHW) networks only, found " + in.describe());
                }
                net = flattened(model, s);
            }
            default -> log.info("{}: input kind not declared; checking it on one example", modelName);
        }
        DataSplits flat = data.reshaped(FeatureShape.vector(s.size()));
        int outputs = probe(net, flat, what);
        if (outputs < data.classes()) {
            throw new IncompatibleDataException("model " + modelName + " outputs " + outputs + " classes, the data " + data.name() + " has "
                    + data.classes() + " (labels 0.." + (data.classes() - 1) + ")");
        }
        List<String> kept = NetworkLayers.keptInFloat(net);
        if (NetworkSpecs.of(net).size() == 0) {
            throw new IncompatibleDataException("model " + modelName + " has no layer Kernelwise compresses (convolution, dense, output);"
                    + " its layers with parameters: " + (kept.isEmpty() ? "none" : String.join(", ", kept)));
        }
        if (!kept.isEmpty()) log.info("{}: layers kept in float (not compressed): {}", modelName, String.join(", ", kept));
        return new Bound(net, outputs == data.classes() ? flat : widened(flat, outputs));
    }

    /** The width of the network's output on one example, refusing data it fails on. */
    private static int probe(Model net, DataSplits data, String what) throws IncompatibleDataException {
        INDArray x = data.train().getFeatures().get(NDArrayIndex.interval(0, 1), NDArrayIndex.all());
        try {
            INDArray out = Models.output(net, x);
            if (out.rank() != 2) throw new IncompatibleDataException(what + ": its output has rank " + out.rank() + ", a classifier's has 2");
            return (int) out.size(1);
        } catch (RuntimeException e) {
            String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
            throw new IncompatibleDataException(what + ": DL4J fails on it (" + m + ")");
        }
    }

    /** The network computing what {@code model} does on {@code [N, C, H, W]} images from their flattened rows. */
    static Model flattened(Model model, FeatureShape s) {
        FeedForwardToCnnPreProcessor pre = new FeedForwardToCnnPreProcessor(s.height(), s.width(), s.channels());
        if (model instanceof MultiLayerNetwork mln) {
            MultiLayerConfiguration c = mln.getLayerWiseConfigurations().clone();
            c.getInputPreProcessors().put(0, pre);
            MultiLayerNetwork net = new MultiLayerNetwork(c);
            net.init(mln.params().dup(), false);
            return net;
        }
        ComputationGraph cg = (ComputationGraph) model;
        ComputationGraphConfiguration c = cg.getConfiguration().clone();
        firstVertex(c).setPreProcessor(pre);
        ComputationGraph net = new ComputationGraph(c);
        net.init(cg.params().dup(), false);
        return net;
    }

    private static DataSplits widened(DataSplits d, int classes) {
        log.info("model outputs {} classes, data {} has {}: labels widened", classes, d.name(), d.classes());
        return new DataSplits(d.name(), widen(d.train(), classes), widen(d.validation(), classes), widen(d.test(), classes),
                d.sha256(), d.shape(), classes);
    }

    private static DataSet widen(DataSet d, int classes) {
        INDArray y = Nd4j.zeros(d.getLabels().dataType(), d.numExamples(), classes);
        y.get(NDArrayIndex.all(), NDArrayIndex.interval(0, d.getLabels().size(1))).assign(d.getLabels());
        return new DataSet(d.getFeatures(), y);
    }
}
