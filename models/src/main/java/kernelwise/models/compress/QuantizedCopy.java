package kernelwise.models.compress;

import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import kernelwise.models.plan.NetworkSpec;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.List;

/**
 * A DL4J copy of a network (allocated once) with a {@link FakeQuantPreProcessor} at the input of every
 * compressible layer: the network DL4J runs when a plan's activations must be quantized inside DL4J itself
 * (quantization-aware training, and scoring networks the direct forward pass does not support). Same parameter
 * layout as the source; the source is not modified.
 */
public final class QuantizedCopy implements QuantizedNetwork {

    private final Model net;
    private final List<CompressibleLayer> layers;
    private final FakeQuantPreProcessor[] quants;
    private final INDArray[] biases;

    private QuantizedCopy(Model net, FakeQuantPreProcessor[] quants) {
        this.net = net;
        this.layers = NetworkSpecs.layers(net);
        this.quants = quants;
        this.biases = layers.stream().map(l -> l.layer().paramTable().containsKey(LayerWeights.BIAS_KEY) ? l.layer().getParam(LayerWeights.BIAS_KEY).dup() : null).toArray(INDArray[]::new);
    }

    /** A copy of {@code source} (parameters copied, fresh updater) with fake-quant preprocessors, all float. */
    public static QuantizedCopy of(Model source) {
        List<CompressibleLayer> layers = NetworkSpecs.layers(source);
        FakeQuantPreProcessor[] quants = new FakeQuantPreProcessor[layers.size()];
        if (source instanceof MultiLayerNetwork mln) {
            MultiLayerConfiguration conf = mln.getLayerWiseConfigurations().clone();
            for (int i = 0, k = 0; i < conf.getConfs().size(); i++) {
                if (NetworkSpecs.kindOf(conf.getConf(i).getLayer()) == null) continue;
                quants[k] = new FakeQuantPreProcessor(conf.getInputPreProcess(i));
                conf.getInputPreProcessors().put(i, quants[k++]);
            }
            MultiLayerNetwork copy = new MultiLayerNetwork(conf);
            copy.init(mln.params().dup(), false);
            return new QuantizedCopy(copy, quants);
        }
        if (source instanceof ComputationGraph cg) {
            ComputationGraphConfiguration conf = cg.getConfiguration().clone();
            for (int k = 0; k < layers.size(); k++) {
                String name = layers.get(k).info().name();
                LayerVertex v = (LayerVertex) conf.getVertices().get(name);
                quants[k] = new FakeQuantPreProcessor(v.getPreProcessor());
                conf.getVertices().put(name, new LayerVertex(v.getLayerConf(), quants[k]));
            }
            ComputationGraph copy = new ComputationGraph(conf);
            copy.init(cg.params().dup(), false);
            return new QuantizedCopy(copy, quants);
        }
        throw new IllegalArgumentException("model must be a MultiLayerNetwork or ComputationGraph, found " + source.getClass().getSimpleName());
    }

    /** The DL4J network (train it, or read its outputs). */
    public Model network() {
        return net;
    }

    @Override
    public NetworkSpec spec() {
        return new NetworkSpec(layers.stream().map(CompressibleLayer::info).toList());
    }

    /** As {@link QuantizedNetwork#calibrate}; activation quantization is switched off (and left off). */
    @Override
    public ActivationRanges calibrate(DataSet data, int batchSize) {
        double[] min = new double[quants.length], max = new double[quants.length];
        java.util.Arrays.fill(min, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(max, Double.NEGATIVE_INFINITY);
        setActivationQuant(new ActivationQuant[quants.length]);
        for (int i = 0; i < quants.length; i++) {
            int layer = i;
            quants[i].setObserver(x -> {
                min[layer] = Math.min(min[layer], x.minNumber().doubleValue());
                max[layer] = Math.max(max[layer], x.maxNumber().doubleValue());
            });
        }
        try {
            int n = data.numExamples();
            for (int from = 0; from < n; from += batchSize) {
                output(data.getFeatures().get(NDArrayIndex.interval(from, Math.min(n, from + batchSize)), NDArrayIndex.all()));
            }
        } finally {
            for (FakeQuantPreProcessor q : quants) q.setObserver(null);
        }
        return new ActivationRanges(min, max);
    }

    /** Its compressible layers, in spec order. */
    public List<CompressibleLayer> layers() {
        return layers;
    }

    @Override
    public void setActivationQuant(ActivationQuant[] q) {
        if (q.length != quants.length) throw new IllegalArgumentException("need " + quants.length + " quantizers, found " + q.length);
        for (int i = 0; i < q.length; i++) quants[i].setQuant(q[i]);
    }

    @Override
    public void setWeights(int layer, INDArray kernelsByFanIn, boolean[] removed) {
        LayerWeights.write(layers.get(layer), kernelsByFanIn);
        if (biases[layer] == null) return;
        INDArray b = biases[layer].dup().reshape(-1);
        for (int k = 0; k < removed.length; k++) if (removed[k]) b.putScalar(k, 0.0);
        layers.get(layer).layer().getParam(LayerWeights.BIAS_KEY).assign(b.reshape(biases[layer].shape()));
    }

    /** Inference output for {@code x}. */
    @Override
    public INDArray output(INDArray x) {
        return net instanceof MultiLayerNetwork m ? m.output(x, false) : ((ComputationGraph) net).outputSingle(false, x);
    }
}
