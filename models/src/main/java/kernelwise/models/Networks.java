package kernelwise.models;

import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.DataSet;

/** Operations on either kind of DL4J network ({@code MultiLayerNetwork}, {@code ComputationGraph}): fit a minibatch, output, loss, learning rate, copy, accuracy. */
public final class Networks {

    private Networks() {
    }

    /** One optimizer step on one minibatch. */
    public static void fit(Model model, DataSet batch) {
        if (model instanceof MultiLayerNetwork net) net.fit(batch);
        else if (model instanceof ComputationGraph graph) graph.fit(batch);
        else throw unsupported(model);
    }

    /** The network's output (class probabilities) for {@code features}, inference mode. */
    public static INDArray output(Model model, INDArray features) {
        if (model instanceof MultiLayerNetwork net) return net.output(features, false);
        if (model instanceof ComputationGraph graph) return graph.outputSingle(false, features);
        throw unsupported(model);
    }

    /** The loss of the network on {@code batch}, inference mode. */
    public static double loss(Model model, org.nd4j.linalg.dataset.DataSet batch) {
        if (model instanceof MultiLayerNetwork net) return net.score(batch, false);
        if (model instanceof ComputationGraph graph) return graph.score(batch, false);
        throw unsupported(model);
    }

    /** Sets a fixed learning rate for every layer (replacing any schedule), e.g. before fine-tuning. */
    public static void setLearningRate(Model model, double learningRate) {
        if (!(learningRate > 0)) throw new IllegalArgumentException("learning rate must be positive, found " + learningRate);
        if (model instanceof MultiLayerNetwork net) net.setLearningRate(learningRate);
        else if (model instanceof ComputationGraph graph) graph.setLearningRate(learningRate);
        else throw unsupported(model);
    }

    /** The learning rate of the network's first layer with parameters, or null if it has none. */
    public static Double learningRate(Model model) {
        if (model instanceof MultiLayerNetwork net) {
            for (int i = 0; i < net.getnLayers(); i++) {
                if (net.getLayer(i).numParams() > 0 && net.getLearningRate(i) != null) return net.getLearningRate(i);
            }
            return null;
        }
        if (model instanceof ComputationGraph graph) {
            for (var layer : graph.getLayers()) {
                if (layer.numParams() > 0 && graph.getLearningRate(layer.conf().getLayer().getLayerName()) != null) {
                    return graph.getLearningRate(layer.conf().getLayer().getLayerName());
                }
            }
            return null;
        }
        throw unsupported(model);
    }

    /** A copy of the network's current training listeners. */
    public static java.util.List<org.deeplearning4j.optimize.api.TrainingListener> listeners(Model model) {
        java.util.Collection<org.deeplearning4j.optimize.api.TrainingListener> l;
        if (model instanceof MultiLayerNetwork net) l = net.getListeners();
        else if (model instanceof ComputationGraph graph) l = graph.getListeners();
        else throw unsupported(model);
        return l == null ? new java.util.ArrayList<>() : new java.util.ArrayList<>(l);
    }

    /** A deep copy (configuration, parameters and updater state). */
    @SuppressWarnings("unchecked")
    public static <M extends Model> M copy(M model) {
        if (model instanceof MultiLayerNetwork net) return (M) net.clone();
        if (model instanceof ComputationGraph graph) return (M) graph.clone();
        throw unsupported(model);
    }

    /** Fraction of {@code data}'s examples whose arg-max output equals the arg-max label, in batches. */
    public static double accuracy(Model model, org.nd4j.linalg.dataset.DataSet data, int batchSize) {
        long n = data.numExamples();
        long correct = 0;
        for (long from = 0; from < n; from += batchSize) {
            long to = Math.min(n, from + batchSize);
            INDArray x = data.getFeatures().get(org.nd4j.linalg.indexing.NDArrayIndex.interval(from, to),
                    org.nd4j.linalg.indexing.NDArrayIndex.all());
            INDArray y = data.getLabels().get(org.nd4j.linalg.indexing.NDArrayIndex.interval(from, to),
                    org.nd4j.linalg.indexing.NDArrayIndex.all());
            INDArray predicted = output(model, x).argMax(1);
            correct += predicted.eq(y.argMax(1)).castTo(org.nd4j.linalg.api.buffer.DataType.INT).sumNumber().longValue();
        }
        return n == 0 ? 0 : (double) correct / n;
    }

    private static IllegalArgumentException unsupported(Model model) {
        return new IllegalArgumentException("unsupported model type " + model.getClass().getName());
    }
}
