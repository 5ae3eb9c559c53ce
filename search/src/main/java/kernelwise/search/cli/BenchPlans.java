package kernelwise.search.cli;

import kernelwise.models.compress.MagnitudePlan;
import kernelwise.models.plan.CompressionPlan;
import kernelwise.models.plan.NetworkSpec;
import org.deeplearning4j.nn.api.Model;

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
     * The plan aimed at >= 300x storage: each layer keeps {@code density} of its weights at {@code bits}, kernels'
     * shares read off the trained weights by one magnitude threshold a layer ({@link MagnitudePlan}); kernels left
     * with fewer than 4 weights are removed.
     */
    static CompressionPlan tiny(Model model, double[] density, int[] bits) {
        return MagnitudePlan.of(model, density, bits, ACTIVATION_BITS, 4);
    }
}
