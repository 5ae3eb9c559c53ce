package kernelwise.models.finetune;

import kernelwise.models.Networks;
import kernelwise.models.compress.ActivationRanges;
import kernelwise.models.compress.FastPlanScorer;
import kernelwise.models.compress.QuantizedCopy;
import kernelwise.models.plan.CompressionPlan;
import org.deeplearning4j.nn.api.Model;

import java.util.Map;

/**
 * Quantization-aware training with masks ({@code qat}), the baseline the literature methods are compared with:
 * one-shot hard projection of the float weights onto the plan (magnitude pruning per kernel, quantization), then
 * masked quantization-aware retraining ({@link MaskedRetrain}) of a copy whose compressible layers' inputs are
 * fake-quantized to the plan's activation bits ({@link QuantizedCopy}, ranges calibrated once on the float network
 * over the validation split). The trained parameters (biases and batch-norm included) go back into the model.
 */
public final class ProjectThenRetrainMethod implements FinetuneMethod {

    private final int retrainEpochs;

    public ProjectThenRetrainMethod(int retrainEpochs) {
        if (retrainEpochs < 0) throw new IllegalArgumentException("retrainEpochs must be >= 0, found " + retrainEpochs);
        this.retrainEpochs = retrainEpochs;
    }

    @Override
    public String name() {
        return "qat";
    }

    @Override
    public MethodResult run(Model model, CompressionPlan plan, TrainingData data, FinetuneListener listener) {
        ActivationRanges ranges = FastPlanScorer.calibrate(model, data.validation());
        PlanProjection.apply(PlanLayers.of(model, plan));
        Model projected = Networks.copy(model);
        QuantizedCopy copy = QuantizedCopy.of(model);
        copy.setActivationQuant(ranges.quants(plan));
        MaskedRetrain.run(copy.network(), PlanLayers.of(copy.network(), plan), data.train(), retrainEpochs, listener);
        model.setParams(copy.network().params());
        return new MethodResult(plan, projected, retrainEpochs, Map.of());
    }
}
