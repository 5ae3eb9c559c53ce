package kernelwise.models.finetune;

import kernelwise.models.compress.FastPlanScorer;
import kernelwise.models.compress.QuantizedCopy;
import kernelwise.models.plan.CompressionPlan;
import org.deeplearning4j.nn.api.Model;

import java.util.List;
import java.util.Map;

/**
 * Quantization-aware training with masks ({@code qat}), the baseline the literature methods are compared with:
 * no phase of its own; one-shot hard projection of the float weights onto the plan (magnitude pruning per kernel,
 * quantization), then masked quantization-aware retraining ({@link MaskedRetrain}) of a copy whose compressible
 * layers' inputs are fake-quantized to the plan's activation bits ({@link QuantizedCopy}, ranges calibrated once on
 * the float network over the validation split). The trained parameters (biases and batch-norm included) go back
 * into the model.
 */
public final class ProjectThenRetrainMethod extends PhasedMethod {

    public ProjectThenRetrainMethod(Retraining retraining) {
        super("qat", retraining);
    }

    @Override
    protected Phase train(Model model, CompressionPlan plan, List<PlanLayer> layers, TrainingData data, FinetuneListener listener) {
        return new Phase(plan, layers, 0, Map.of()).withActivationRanges(FastPlanScorer.calibrate(model, data.validation()));
    }
}
