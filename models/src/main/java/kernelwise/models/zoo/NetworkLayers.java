package kernelwise.models.zoo;

import kernelwise.models.compress.NetworkSpecs;
import kernelwise.models.plan.LayerInfo;
import kernelwise.models.plan.NetworkSpec;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every layer of a network in forward order, and whether a plan compresses it: convolutions, dense and output layers
 * are compressed; every other layer (batch norm, LSTM, depthwise or separable convolutions, embeddings, ...) is kept in
 * float as it is.
 */
public final class NetworkLayers {

    /**
     * One layer.
     *
     * @param name       its name (a vertex name in a ComputationGraph, else its index or configured name)
     * @param kind       the DL4J layer class
     * @param compressed whether a plan compresses it
     * @param kernels    its kernels (output channels or units), 0 if not compressed
     * @param fanIn      weights per kernel, 0 if not compressed
     * @param parameters its parameter count (weights, biases, statistics)
     * @param macs       multiply-accumulates per example at the network's input size, 0 if not compressed
     */
    public record Row(String name, String kind, boolean compressed, int kernels, int fanIn, long parameters, long macs) {
    }

    private NetworkLayers() {
    }

    /** The layers of {@code model}, whose input size its configuration declares (bind rank-4 networks to data first). */
    public static List<Row> of(Model model) {
        NetworkSpec spec = NetworkSpecs.of(model);
        Map<String, LayerInfo> byName = new HashMap<>();
        for (LayerInfo l : spec.layers()) byName.put(l.name(), l);
        List<Row> rows = new ArrayList<>();
        if (model instanceof MultiLayerNetwork mln) {
            var confs = mln.getLayerWiseConfigurations().getConfs();
            for (int i = 0; i < confs.size(); i++) {
                String configured = confs.get(i).getLayer().getLayerName();
                String name = configured == null || configured.equals("layer" + i) ? String.valueOf(i) : configured;
                rows.add(row(name, mln.getLayer(i), byName.get(name)));
            }
        } else {
            ComputationGraph cg = (ComputationGraph) model;
            ComputationGraphConfiguration c = cg.getConfiguration();
            for (String name : c.getTopologicalOrderStr()) {
                if (c.getVertices().get(name) instanceof LayerVertex) rows.add(row(name, cg.getLayer(name), byName.get(name)));
            }
        }
        return rows;
    }

    private static Row row(String name, Layer layer, LayerInfo info) {
        String kind = layer.conf().getLayer().getClass().getSimpleName();
        if (info == null) return new Row(name, kind, false, 0, 0, layer.numParams(), 0);
        return new Row(name, kind, true, info.kernels(), info.fanIn(), layer.numParams(), info.macs());
    }

    /** The names of the layers with parameters that a plan keeps in float. */
    public static List<String> keptInFloat(Model model) {
        return of(model).stream().filter(r -> !r.compressed() && r.parameters() > 0).map(r -> r.name() + " (" + r.kind() + ")").toList();
    }
}
