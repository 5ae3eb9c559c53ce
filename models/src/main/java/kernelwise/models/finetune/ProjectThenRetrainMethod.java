package kernelwise.models.finetune;

import kernelwise.models.plan.CompressionPlan;
import org.deeplearning4j.nn.api.Model;

import java.util.List;
import java.util.Map;

/**
 * The baseline the literature methods are compared with: one-shot hard projection of the float weights onto the
 * plan (magnitude pruning per kernel, quantization), then masked quantization-aware retraining
 * ({@link MaskedRetrain}).
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
        List<PlanLayer> layers = PlanLayers.of(model, plan);
        PlanProjection.apply(layers);
        Model projected = Networks.copy(model);
        MaskedRetrain.run(model, layers, data.train(), retrainEpochs, listener);
        return new MethodResult(plan, projected, retrainEpochs, Map.of());
    }
}
