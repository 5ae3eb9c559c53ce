package kernelwise.models.compress;

import kernelwise.models.plan.NetworkSpec;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.preprocessor.CnnToFeedForwardPreProcessor;
import org.deeplearning4j.nn.conf.preprocessor.FeedForwardToCnnPreProcessor;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A direct inference pass over ND4J for a DL4J network, equal to its {@code output()} within float tolerance:
 * conv (libnd4j conv2d, batch norm folded in when it follows an identity-activation conv), dense/output (GEMM),
 * max/avg pooling, batch norm, activation and dropout layers, global pooling, and for a ComputationGraph the
 * element-wise add of residual blocks. Its compressible layers own working weights, allocated once at compile
 * time and overwritten per plan ({@link #setWeights}); the source network is only read.
 * Not thread-safe: one instance per scorer.
 */
public final class FastForward implements QuantizedNetwork {

    private record Node(String name, ForwardOps.Op op, int[] inputs) {
    }

    private final NetworkSpec spec;
    private final List<Node> nodes;
    private final int inputSlot;
    private final int outputSlot;
    private final WeightedOp[] weighted;

    private FastForward(NetworkSpec spec, List<Node> nodes, int outputSlot, WeightedOp[] weighted) {
        this.spec = spec;
        this.nodes = List.copyOf(nodes);
        this.inputSlot = 0;
        this.outputSlot = outputSlot;
        this.weighted = weighted;
    }

    /**
     * Compiles {@code model} (MultiLayerNetwork, or a single-input single-output ComputationGraph).
     *
     * @throws UnsupportedNetworkException naming the first layer, vertex or preprocessor it cannot run
     */
    public static FastForward compile(Model model) {
        List<CompressibleLayer> layers = NetworkSpecs.layers(model);
        NetworkSpec spec = new NetworkSpec(layers.stream().map(CompressibleLayer::info).toList());
        Map<Layer, CompressibleLayer> byLayer = new IdentityHashMap<>();
        for (CompressibleLayer l : layers) byLayer.put(l.layer(), l);
        Builder b = new Builder(byLayer, spec.size());
        if (model instanceof MultiLayerNetwork mln) b.multiLayer(mln);
        else if (model instanceof ComputationGraph cg) b.graph(cg);
        else throw new UnsupportedNetworkException("not a MultiLayerNetwork or ComputationGraph: " + model.getClass().getSimpleName());
        return new FastForward(spec, b.nodes, b.last, b.weighted);
    }

    @Override
    public NetworkSpec spec() {
        return spec;
    }

    /** Overwrites compressible layer {@code layer}'s working weights; removed kernels get a zero bias. */
    @Override
    public void setWeights(int layer, INDArray kernelsByFanIn, boolean[] removed) {
        weighted[layer].setWeights(kernelsByFanIn, removed);
    }

    /** Sets the quantizer of each compressible layer's input (null entries: float). */
    @Override
    public void setActivationQuant(ActivationQuant[] quants) {
        if (quants.length != weighted.length) throw new IllegalArgumentException("need " + weighted.length + " quantizers, found " + quants.length);
        for (int i = 0; i < quants.length; i++) weighted[i].setQuant(quants[i]);
    }

    /** The network's output (for classifiers: softmax probabilities) for features {@code [N, inputs]}. */
    @Override
    public INDArray output(INDArray features) {
        return run(features)[outputSlot];
    }

    /** Compressible layer {@code i}'s op. */
    WeightedOp weighted(int i) {
        return weighted[i];
    }

    /**
     * Runs {@code features} forward with {@code observer} told of each compressible layer's float input just before
     * the layer computes (it may change the layer's weights and bias, which the pass then uses).
     */
    void observeInputs(INDArray features, WeightedOp.InputObserver observer) {
        for (WeightedOp w : weighted) w.setObserver(observer);
        try {
            output(features);
        } finally {
            for (WeightedOp w : weighted) w.setObserver(null);
        }
    }

    private INDArray[] run(INDArray features) {
        INDArray[] values = new INDArray[nodes.size() + 1];
        values[inputSlot] = features;
        for (int n = 0; n < nodes.size(); n++) {
            Node node = nodes.get(n);
            INDArray[] in = new INDArray[node.inputs().length];
            for (int i = 0; i < in.length; i++) in[i] = values[node.inputs()[i]];
            values[n + 1] = node.op().apply(in);
        }
        return values;
    }

    /** As {@link QuantizedNetwork#calibrate}; activation quantization is switched off (and left off). */
    @Override
    public ActivationRanges calibrate(DataSet data, int batchSize) {
        double[] min = new double[weighted.length], max = new double[weighted.length];
        Arrays.fill(min, Double.POSITIVE_INFINITY);
        Arrays.fill(max, Double.NEGATIVE_INFINITY);
        ActivationQuant[] saved = new ActivationQuant[weighted.length];
        WeightedOp.InputObserver obs = (layer, x) -> {
            min[layer] = Math.min(min[layer], x.minNumber().doubleValue());
            max[layer] = Math.max(max[layer], x.maxNumber().doubleValue());
        };
        for (WeightedOp w : weighted) w.setObserver(obs);
        try {
            setActivationQuant(saved);
            int n = data.numExamples();
            for (int from = 0; from < n; from += batchSize) {
                output(data.getFeatures().get(NDArrayIndex.interval(from, Math.min(n, from + batchSize)), NDArrayIndex.all()));
            }
        } finally {
            for (WeightedOp w : weighted) w.setObserver(null);
        }
        return new ActivationRanges(min, max);
    }

    /** Builds the node list of a network. */
    private static final class Builder {
        final Map<Layer, CompressibleLayer> byLayer;
        final List<Node> nodes = new ArrayList<>();
        final WeightedOp[] weighted;
        int last = 0;

        Builder(Map<Layer, CompressibleLayer> byLayer, int compressible) {
            this.byLayer = byLayer;
            this.weighted = new WeightedOp[compressible];
        }

        int add(String name, ForwardOps.Op op, int... inputs) {
            nodes.add(new Node(name, op, inputs));
            last = nodes.size();
            return last;
        }

        void multiLayer(MultiLayerNetwork net) {
            MultiLayerConfiguration c = net.getLayerWiseConfigurations();
            int slot = 0;
            int n = c.getConfs().size();
            for (int i = 0; i < n; i++) {
                String name = String.valueOf(i);
                if (c.getInputPreProcess(i) != null) slot = add(name + "/pre", preprocessor(c.getInputPreProcess(i), name), slot);
                Layer next = i + 1 < n && c.getInputPreProcess(i + 1) == null ? net.getLayer(i + 1) : null;
                boolean fold = foldable(net.getLayer(i), next);
                slot = add(name, layerOp(net.getLayer(i), fold ? next : null, name), slot);
                if (fold) i++;
            }
        }

        void graph(ComputationGraph net) {
            ComputationGraphConfiguration c = net.getConfiguration();
            if (c.getNetworkInputs().size() != 1 || c.getNetworkOutputs().size() != 1) {
                throw new UnsupportedNetworkException("only single-input single-output graphs, found " + c.getNetworkInputs() + " -> " + c.getNetworkOutputs());
            }
            Map<String, Integer> slots = new HashMap<>();
            slots.put(c.getNetworkInputs().get(0), 0);
            Map<String, List<String>> consumers = new HashMap<>();
            c.getVertexInputs().forEach((v, ins) -> ins.forEach(in -> consumers.computeIfAbsent(in, k -> new ArrayList<>()).add(v)));
            for (String name : c.getTopologicalOrderStr()) {
                if (slots.containsKey(name)) continue;
                GraphVertex v = c.getVertices().get(name);
                int[] in = c.getVertexInputs().get(name).stream().mapToInt(slots::get).toArray();
                if (v instanceof LayerVertex lv) {
                    int slot = in[0];
                    if (lv.getPreProcessor() != null) slot = add(name + "/pre", preprocessor(lv.getPreProcessor(), name), slot);
                    List<String> cons = consumers.getOrDefault(name, List.of());
                    Layer next = cons.size() == 1 && !c.getNetworkOutputs().contains(name) && c.getVertices().get(cons.get(0)) instanceof LayerVertex nv
                            && nv.getPreProcessor() == null ? net.getLayer(cons.get(0)) : null;
                    boolean fold = foldable(net.getLayer(name), next);
                    slots.put(name, add(name, layerOp(net.getLayer(name), fold ? next : null, name), slot));
                    if (fold) slots.put(cons.get(0), last);
                } else if (v instanceof ElementWiseVertex ew && ew.getOp() == ElementWiseVertex.Op.Add) {
                    slots.put(name, add(name, new ForwardOps.Add(), in));
                } else {
                    throw new UnsupportedNetworkException("vertex " + name + ": " + v.getClass().getSimpleName() + " is not supported");
                }
            }
            last = slots.get(c.getNetworkOutputs().get(0));
        }

        boolean foldable(Layer layer, Layer next) {
            return next != null && layer.conf().getLayer().getClass() == ConvolutionLayer.class
                    && next.conf().getLayer() instanceof BatchNormalization
                    && ((ConvolutionLayer) layer.conf().getLayer()).getActivationFn() instanceof ActivationIdentity;
        }

        ForwardOps.Op layerOp(Layer layer, Layer foldedBn, String name) {
            org.deeplearning4j.nn.conf.layers.Layer conf = layer.conf().getLayer();
            CompressibleLayer cl = byLayer.get(layer);
            if (cl != null) {
                BaseLayer base = (BaseLayer) conf;
                INDArray[] fold = foldedBn == null ? null : ForwardOps.batchNorm(foldedBn);
                var act = base.getActivationFn();
                int[] convArgs = conf instanceof ConvolutionLayer cv ? checkConv(cv, name) : null;
                INDArray bias = layer.paramTable().containsKey("b") ? layer.getParam("b") : null;
                WeightedOp op = new WeightedOp(cl.info(), convArgs, LayerWeights.read(cl), bias, fold, act);
                weighted[cl.info().index()] = op;
                return op;
            }
            if (conf instanceof SubsamplingLayer s && s.getClass() == SubsamplingLayer.class && ForwardOps.poolSupported(s)
                    && s.getCnn2dDataFormat() == CNN2DFormat.NCHW) return ForwardOps.Pool.of(s);
            if (conf instanceof BatchNormalization bn && bn.getCnn2DFormat() == CNN2DFormat.NCHW) return ForwardOps.Affine.of(layer);
            if (conf instanceof ActivationLayer a) return new ForwardOps.Activation(a.getActivationFn());
            if (conf instanceof DropoutLayer) return in -> in[0];
            if (conf instanceof GlobalPoolingLayer g && (g.getPoolingType() == PoolingType.AVG || g.getPoolingType() == PoolingType.MAX)
                    && (g.getPoolingDimensions() == null || Arrays.equals(g.getPoolingDimensions(), new int[]{2, 3}))) {
                return new ForwardOps.GlobalPool(g.getPoolingType());
            }
            throw new UnsupportedNetworkException("layer " + name + ": " + conf.getClass().getSimpleName() + " is not supported by the direct forward pass");
        }

        int[] checkConv(ConvolutionLayer cv, String name) {
            if (cv.getCnn2dDataFormat() != CNN2DFormat.NCHW) throw new UnsupportedNetworkException("layer " + name + ": only NCHW convolutions");
            return ForwardOps.convArgs(cv);
        }

        ForwardOps.Op preprocessor(InputPreProcessor p, String name) {
            if (p instanceof FeedForwardToCnnPreProcessor f) {
                return new ForwardOps.Reshape(new long[]{f.getNumChannels(), f.getInputHeight(), f.getInputWidth()});
            }
            if (p instanceof CnnToFeedForwardPreProcessor f && f.getFormat() == CNN2DFormat.NCHW) {
                return new ForwardOps.Reshape(new long[]{f.getNumChannels() * f.getInputHeight() * f.getInputWidth()});
            }
            throw new UnsupportedNetworkException("layer " + name + ": preprocessor " + p.getClass().getSimpleName() + " is not supported");
        }
    }
}
