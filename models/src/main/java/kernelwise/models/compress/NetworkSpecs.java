package kernelwise.models.compress;

import kernelwise.models.plan.LayerInfo;
import kernelwise.models.plan.LayerKind;
import kernelwise.models.plan.NetworkSpec;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.preprocessor.FeedForwardToCnnPreProcessor;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the compressible layers of a DL4J network: 2-D convolutions ({@link ConvolutionLayer} itself, not its
 * subclasses), {@link DenseLayer}s and {@link OutputLayer}s, in forward order (layer order for a
 * {@link MultiLayerNetwork}, topological order for a {@link ComputationGraph}).
 * <p>
 * Names: a MultiLayerNetwork layer is named by its configured name, or by its index as a string when it has none
 * (DL4J's default name {@code "layer<i>"} counts as none);
 * a ComputationGraph layer by its vertex name. Feature-map sizes come from the network's input type, which DL4J
 * does not store: it is inferred from the input preprocessor ({@code InputType.convolutionalFlat} adds a
 * {@link FeedForwardToCnnPreProcessor}) or, for a network starting with a dense layer, from its {@code nIn}.
 * Networks whose input size cannot be inferred need {@link #of(Model, InputType...)}.
 */
public final class NetworkSpecs {

    private NetworkSpecs() {
    }

    /** The compressible layers of {@code model} as a spec. */
    public static NetworkSpec of(Model model) {
        return of(model, inputTypes(model));
    }

    /** The compressible layers of {@code model} as a spec, with explicit network input types. */
    public static NetworkSpec of(Model model, InputType... inputTypes) {
        return new NetworkSpec(layers(model, inputTypes).stream().map(CompressibleLayer::info).toList());
    }

    /** The compressible layers of {@code model} bound to its live DL4J layers, in spec order. */
    public static List<CompressibleLayer> layers(Model model) {
        return layers(model, inputTypes(model));
    }

    /** As {@link #layers(Model)} with explicit network input types. */
    public static List<CompressibleLayer> layers(Model model, InputType... inputTypes) {
        if (model instanceof MultiLayerNetwork mln) return multiLayer(mln, inputTypes[0]);
        if (model instanceof ComputationGraph cg) return graph(cg, inputTypes);
        throw new IllegalArgumentException("model must be a MultiLayerNetwork or ComputationGraph, found " + className(model));
    }

    /** The network input types, inferred from the configuration (see the class comment). */
    public static InputType[] inputTypes(Model model) {
        if (model instanceof MultiLayerNetwork mln) {
            MultiLayerConfiguration c = mln.getLayerWiseConfigurations();
            return new InputType[]{inferInput(c.getInputPreProcess(0), c.getConf(0).getLayer(), "layer 0")};
        }
        if (model instanceof ComputationGraph cg) {
            ComputationGraphConfiguration c = cg.getConfiguration();
            List<String> inputs = c.getNetworkInputs();
            InputType[] types = new InputType[inputs.size()];
            for (int i = 0; i < inputs.size(); i++) types[i] = inferGraphInput(c, inputs.get(i));
            return types;
        }
        throw new IllegalArgumentException("model must be a MultiLayerNetwork or ComputationGraph, found " + className(model));
    }

    private static List<CompressibleLayer> multiLayer(MultiLayerNetwork net, InputType input) {
        MultiLayerConfiguration c = net.getLayerWiseConfigurations();
        List<InputType> outs = c.getLayerActivationTypes(input);
        List<CompressibleLayer> result = new ArrayList<>();
        for (int i = 0; i < c.getConfs().size(); i++) {
            org.deeplearning4j.nn.conf.layers.Layer conf = c.getConf(i).getLayer();
            if (kindOf(conf) == null) continue;
            InputType in = i == 0 ? input : outs.get(i - 1);
            InputPreProcessor pre = c.getInputPreProcess(i);
            if (pre != null) in = pre.getOutputType(in);
            String name = conf.getLayerName() == null || conf.getLayerName().equals("layer" + i) ? String.valueOf(i) : conf.getLayerName();
            result.add(new CompressibleLayer(info(result.size(), name, conf, in, outs.get(i)), net.getLayer(i)));
        }
        return result;
    }

    private static List<CompressibleLayer> graph(ComputationGraph net, InputType[] inputs) {
        ComputationGraphConfiguration c = net.getConfiguration();
        Map<String, InputType> outs = c.getLayerActivationTypes(inputs);
        List<String> netInputs = c.getNetworkInputs();
        List<CompressibleLayer> result = new ArrayList<>();
        for (String name : c.getTopologicalOrderStr()) {
            GraphVertex v = c.getVertices().get(name);
            if (!(v instanceof LayerVertex lv) || kindOf(lv.getLayerConf().getLayer()) == null) continue;
            String from = c.getVertexInputs().get(name).get(0);
            InputType in = netInputs.contains(from) ? inputs[netInputs.indexOf(from)] : outs.get(from);
            if (lv.getPreProcessor() != null) in = lv.getPreProcessor().getOutputType(in);
            result.add(new CompressibleLayer(info(result.size(), name, lv.getLayerConf().getLayer(), in, outs.get(name)), net.getLayer(name)));
        }
        return result;
    }

    /** The kind of a layer configuration, or null if a plan does not compress it. */
    static LayerKind kindOf(org.deeplearning4j.nn.conf.layers.Layer conf) {
        Class<?> k = conf.getClass();
        if (k == ConvolutionLayer.class) return LayerKind.CONV;
        if (k == DenseLayer.class) return LayerKind.DENSE;
        if (k == OutputLayer.class) return LayerKind.OUTPUT;
        return null;
    }

    private static LayerInfo info(int index, String name, org.deeplearning4j.nn.conf.layers.Layer conf, InputType in, InputType out) {
        FeedForwardLayer ff = (FeedForwardLayer) conf;
        int nIn = Math.toIntExact(ff.getNIn());
        int nOut = Math.toIntExact(ff.getNOut());
        LayerKind kind = kindOf(conf);
        if (kind != LayerKind.CONV) return new LayerInfo(index, name, kind, nOut, nIn, nIn, 1, 1, 1, 1, 1, 1, 1);
        ConvolutionLayer cl = (ConvolutionLayer) conf;
        int[] k = cl.getKernelSize();
        if (!(in instanceof InputType.InputTypeConvolutional ci) || !(out instanceof InputType.InputTypeConvolutional co)) {
            throw new IllegalArgumentException("conv layer " + name + " needs convolutional input and output types, found " + in + " -> " + out);
        }
        return new LayerInfo(index, name, kind, nOut, nIn * k[0] * k[1], nIn, k[0], k[1], cl.getStride()[0],
                (int) ci.getHeight(), (int) ci.getWidth(), (int) co.getHeight(), (int) co.getWidth());
    }

    private static InputType inferGraphInput(ComputationGraphConfiguration c, String input) {
        for (Map.Entry<String, List<String>> e : c.getVertexInputs().entrySet()) {
            if (e.getValue().contains(input) && c.getVertices().get(e.getKey()) instanceof LayerVertex lv) {
                return inferInput(lv.getPreProcessor(), lv.getLayerConf().getLayer(), "vertex " + e.getKey());
            }
        }
        throw new IllegalArgumentException("cannot infer the size of network input '" + input + "': no layer reads it; pass the input type");
    }

    private static InputType inferInput(InputPreProcessor pre, org.deeplearning4j.nn.conf.layers.Layer first, String where) {
        if (pre instanceof FakeQuantPreProcessor fq) pre = fq.inner();
        if (pre instanceof FeedForwardToCnnPreProcessor p) {
            return InputType.convolutionalFlat(p.getInputHeight(), p.getInputWidth(), p.getNumChannels());
        }
        if (pre == null && (first instanceof DenseLayer || first instanceof OutputLayer)) {
            return InputType.feedForward(((FeedForwardLayer) first).getNIn());
        }
        throw new IllegalArgumentException("cannot infer the network input size at " + where + " (preprocessor "
                + className(pre) + ", layer " + className(first) + "); pass the input type");
    }

    private static String className(Object o) {
        return o == null ? "none" : o.getClass().getSimpleName();
    }
}
