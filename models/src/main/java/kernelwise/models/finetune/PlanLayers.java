package kernelwise.models.finetune;

import kernelwise.models.compress.CompressibleLayer;
import kernelwise.models.compress.LayerWeights;
import kernelwise.models.compress.NetworkSpecs;
import kernelwise.models.plan.CompressionPlan;
import kernelwise.models.plan.NetworkSpec;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.List;

/** The compressible layers of a network, bound to a plan, in the spec's order. */
public final class PlanLayers {

    private PlanLayers() {
    }

    /** Binds {@code plan} to the compressible layers of {@code model}; the plan must match the network. */
    public static List<PlanLayer> of(Model model, CompressionPlan plan) {
        List<CompressibleLayer> live = NetworkSpecs.layers(model);
        plan.checkAgainst(new NetworkSpec(live.stream().map(CompressibleLayer::info).toList()));
        List<PlanLayer> layers = new ArrayList<>(live.size());
        for (CompressibleLayer c : live) {
            INDArray w = c.layer().getParam(LayerWeights.WEIGHT_KEY);
            String owner = model instanceof MultiLayerNetwork ? String.valueOf(c.layer().getIndex()) : c.info().name();
            INDArray b = c.layer().paramTable().containsKey(LayerWeights.BIAS_KEY) ? c.layer().getParam(LayerWeights.BIAS_KEY) : null;
            layers.add(new PlanLayer(c.info(), plan.layer(c.info().index()), w, owner + "_" + LayerWeights.WEIGHT_KEY, b));
        }
        return layers;
    }

    /** {@code layers} with the plan's layer plans in place of theirs. */
    public static List<PlanLayer> rebind(List<PlanLayer> layers, CompressionPlan plan) {
        List<PlanLayer> out = new ArrayList<>(layers.size());
        for (PlanLayer l : layers) out.add(l.withPlan(plan.layer(l.info().index())));
        return out;
    }
}
