package kernelwise.search.cli;

import kernelwise.models.compress.LayerWeights;
import kernelwise.models.compress.NetworkSpecs;
import kernelwise.models.compress.CompressibleLayer;
import kernelwise.models.plan.CompressionPlan;
import kernelwise.models.plan.LayerInfo;
import kernelwise.models.plan.LayerKind;
import kernelwise.models.plan.LayerPlan;
import kernelwise.models.plan.NetworkSpec;
import org.deeplearning4j.nn.api.Model;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The plans {@code bench finetune} trains into besides plan files. */
final class BenchPlans {

    /** Activation bits of the built-in plans: float, so the table compares weight compression alone. */
    static final int ACTIVATION_BITS = CompressionPlan.FLOAT_BITS;

    private BenchPlans() {
    }

    /** Every kernel at 4 bits and 90% sparse. */
    static CompressionPlan uniform4bit90(NetworkSpec spec) {
        return CompressionPlan.uniform(spec, 4, ACTIVATION_BITS, 0.9);
    }

    /**
     * A plan aimed at >= 300x storage: per layer kind its bits and sparsity, and in the widest dense layer the
     * {@code removedFraction} of its kernels with the smallest weight norms removed. Conv layers: the first at 3 bits
     * 50%, the others at {@code hiddenBits} and {@code convSparsity}; dense hidden layers at {@code hiddenBits} and
     * {@code denseSparsity};
     * the output layer at 3 bits 90%.
     */
    static CompressionPlan tiny(Model model, int hiddenBits, double convSparsity, double denseSparsity, double removedFraction) {
        List<CompressibleLayer> layers = NetworkSpecs.layers(model);
        NetworkSpec spec = new NetworkSpec(layers.stream().map(CompressibleLayer::info).toList());
        int widest = widestDense(spec);
        List<LayerPlan> plans = new ArrayList<>();
        for (CompressibleLayer c : layers) {
            LayerInfo l = c.info();
            LayerPlan p;
            if (l.kind() == LayerKind.CONV) {
                p = l.index() == 0 ? LayerPlan.uniform(l.name(), l.kernels(), ACTIVATION_BITS, 3, 0.5)
                        : LayerPlan.uniform(l.name(), l.kernels(), ACTIVATION_BITS, hiddenBits, convSparsity);
            } else if (l.kind() == LayerKind.OUTPUT) {
                p = LayerPlan.uniform(l.name(), l.kernels(), ACTIVATION_BITS, 3, 0.9);
            } else {
                p = LayerPlan.uniform(l.name(), l.kernels(), ACTIVATION_BITS, hiddenBits, denseSparsity);
                if (l.index() == widest) p = removeWeakest(p, LayerWeights.read(c), removedFraction);
            }
            plans.add(p);
        }
        return CompressionPlan.of(spec, plans);
    }

    private static int widestDense(NetworkSpec spec) {
        int best = -1;
        for (LayerInfo l : spec.layers()) {
            if (l.kind() == LayerKind.DENSE && (best < 0 || l.weights() > spec.layer(best).weights())) best = l.index();
        }
        return best;
    }

    private static LayerPlan removeWeakest(LayerPlan p, INDArray kernels, double fraction) {
        double[] norms = kernels.norm2(1).toDoubleVector();
        Integer[] order = new Integer[norms.length];
        for (int i = 0; i < order.length; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> Double.compare(norms[a], norms[b]));
        double[] sparsity = p.sparsity();
        for (int i = 0; i < Math.round(fraction * order.length); i++) sparsity[order[i]] = 1.0;
        return new LayerPlan(p.layer(), p.activationBits(), p.weightBits(), sparsity);
    }
}
