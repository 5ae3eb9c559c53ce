package kernelwise.models.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kernelwise.models.zoo.ModelZoo;
import kernelwise.models.zoo.Models;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;
import java.util.Map;

/**
 * How a {@code .kw} header names its network: {@code {"zoo": name}} when a zoo network given the source's
 * parameters computes bit-identical outputs on a fixed probe batch (a zoo configuration, even compressed, is a
 * large share of a small model's file), otherwise {@code {"kind": ..., "configuration": json}}.
 */
final class NetworkRef {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PROBE_ROWS = 4;

    private NetworkRef() {
    }

    static ObjectNode of(Model model) {
        ObjectNode n = JSON.createObjectNode();
        String zoo = zooName(model);
        if (zoo != null) {
            n.put("zoo", zoo);
        } else {
            n.put("kind", model instanceof ComputationGraph ? "ComputationGraph" : "MultiLayerNetwork");
            n.put("configuration", model instanceof MultiLayerNetwork m ? m.getLayerWiseConfigurations().toJson() : ((ComputationGraph) model).getConfiguration().toJson());
        }
        return n;
    }

    /** An initialized network of the reference, with freshly initialized parameters. */
    static Model build(JsonNode n) throws KwFormatException {
        if (n == null) throw new KwFormatException("header names no network");
        if (n.has("zoo")) {
            String name = n.get("zoo").asText();
            if (!ModelZoo.contains(name)) throw new KwFormatException("zoo network '" + name + "' is not in this Kernelwise (known: " + ModelZoo.names() + ")");
            return ModelZoo.create(name, 0);
        }
        String kind = n.path("kind").asText();
        String conf = n.path("configuration").asText();
        Model net;
        if (kind.equals("MultiLayerNetwork")) {
            net = new MultiLayerNetwork(MultiLayerConfiguration.fromJson(conf));
        } else if (kind.equals("ComputationGraph")) {
            net = new ComputationGraph(ComputationGraphConfiguration.fromJson(conf));
        } else {
            throw new KwFormatException("unknown model kind '" + kind + "'");
        }
        net.init();
        return net;
    }

    /** The zoo network that computes what {@code model} does, or null. */
    static String zooName(Model model) {
        for (String name : ModelZoo.names()) {
            Model candidate = ModelZoo.create(name, 0);
            if (candidate.getClass() == model.getClass() && sameParameterShapes(candidate, model) && sameOutputs(candidate, model)) return name;
        }
        return null;
    }

    private static boolean sameParameterShapes(Model a, Model b) {
        Map<String, INDArray> pa = a.paramTable(), pb = b.paramTable();
        if (!pa.keySet().equals(pb.keySet())) return false;
        for (String k : pa.keySet()) {
            if (!Arrays.equals(pa.get(k).shape(), pb.get(k).shape())) return false;
        }
        return true;
    }

    private static boolean sameOutputs(Model candidate, Model model) {
        try {
            candidate.setParams(model.params().dup());
            INDArray probe = probe(ModelZoo.INPUT_FEATURES);
            float[] a = Models.output(candidate, probe).dup('c').reshape(-1).toFloatVector();
            float[] b = Models.output(model, probe).dup('c').reshape(-1).toFloatVector();
            return Arrays.equals(a, b);
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** A fixed, seed-free probe batch in [0, 1]. */
    private static INDArray probe(int features) {
        float[][] x = new float[PROBE_ROWS][features];
        for (int r = 0; r < PROBE_ROWS; r++) {
            for (int j = 0; j < features; j++) x[r][j] = (float) (0.5 + 0.5 * Math.sin(0.37 * j + 1.3 * r + 0.11 * j * r));
        }
        return Nd4j.createFromArray(x);
    }
}
