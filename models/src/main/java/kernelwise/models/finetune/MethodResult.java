package kernelwise.models.finetune;

import kernelwise.models.plan.CompressionPlan;
import org.deeplearning4j.nn.api.Model;

import java.util.List;
import java.util.Map;

/**
 * What a {@link FinetuneMethod} returns besides the trained network.
 *
 * @param plan          the plan the network now meets exactly
 * @param hardProjected a copy of the network right after the method's hard projection, before retraining
 * @param epochs        training epochs run in total (method phase plus retraining)
 * @param traces        named series the method recorded (e.g. {@code residual}: ||W - Z|| per dual update)
 */
public record MethodResult(CompressionPlan plan, Model hardProjected, int epochs, Map<String, List<Double>> traces) {

    public MethodResult {
        if (plan == null || hardProjected == null) throw new IllegalArgumentException("plan and hardProjected must not be null");
        if (epochs < 0) throw new IllegalArgumentException("epochs must be >= 0, found " + epochs);
        traces = Map.copyOf(traces);
    }
}
