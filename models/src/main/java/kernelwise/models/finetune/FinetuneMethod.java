package kernelwise.models.finetune;

import kernelwise.models.plan.CompressionPlan;
import org.deeplearning4j.nn.api.Model;

/**
 * A way to train a float network into a compression plan. The network is trained in place; on return its
 * compressible weights lie exactly in the returned plan's set (per kernel: the plan's sparsity by magnitude and
 * the kernel's bits), ready for the packed export.
 */
public interface FinetuneMethod {

    /** The name the command line selects it by ({@code admm}, {@code slr}, ...). */
    String name();

    /**
     * Trains {@code model} into {@code plan}.
     *
     * @param model    a trained float network, modified in place
     * @param plan     what each kernel must become; must match the network
     * @param data     training and validation data
     * @param listener progress
     * @return the plan met (the given one, or one the method derived from it), a copy of the network right after
     *         the hard projection (before retraining), and the method's traces
     */
    MethodResult run(Model model, CompressionPlan plan, TrainingData data, FinetuneListener listener);
}
