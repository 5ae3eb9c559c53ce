package kernelwise.models.attach;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.weightnoise.IWeightNoise;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.shade.jackson.core.JsonGenerator;
import org.nd4j.shade.jackson.databind.JsonSerializer;
import org.nd4j.shade.jackson.databind.SerializerProvider;
import org.nd4j.shade.jackson.databind.annotation.JsonSerialize;
import org.nd4j.shade.jackson.databind.jsontype.TypeSerializer;

import java.io.IOException;

/**
 * The forward-pass hook of one attached layer, DL4J's weight noise slot: dense, output and conv layers ask it for
 * {@code W} and {@code b} in forward and backward ({@code BaseLayer.getParamWithNoise}), so they compute with the
 * plan's weights while the gradient lands on the latent float weights (straight-through). Written into a saved
 * configuration as {@code null}: a model saved while attached names no Kernelwise class. A copy made by
 * {@code clone()} is inert (returns the parameters as they are): copies of an attached network are plain networks.
 */
@JsonSerialize(using = PlanWeightNoise.AsNull.class)
final class PlanWeightNoise implements IWeightNoise {

    private static final long serialVersionUID = 1L;

    private final transient LayerHook hook;

    PlanWeightNoise(LayerHook hook) {
        this.hook = hook;
    }

    @Override
    public INDArray getParameter(Layer layer, String paramKey, int iteration, int epoch, boolean train, LayerWorkspaceMgr workspaceMgr) {
        return hook == null ? layer.getParam(paramKey) : hook.parameter(layer, paramKey, train);
    }

    /** The attachment this hook belongs to, or null for an inert copy. */
    PlanAttachment owner() {
        return hook == null ? null : hook.owner();
    }

    @Override
    public IWeightNoise clone() {
        return new PlanWeightNoise(null);
    }

    /** Writes JSON {@code null} in place of the hook, so that plain DL4J reads the layer without weight noise. */
    static final class AsNull extends JsonSerializer<PlanWeightNoise> {
        @Override
        public void serialize(PlanWeightNoise value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
            gen.writeNull();
        }

        @Override
        public void serializeWithType(PlanWeightNoise value, JsonGenerator gen, SerializerProvider serializers, TypeSerializer typeSer) throws IOException {
            gen.writeNull();
        }
    }
}
