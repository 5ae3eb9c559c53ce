package kernelwise.models.attach;

import kernelwise.models.compress.ActivationQuant;
import kernelwise.models.compress.FakeQuantPreProcessor;
import kernelwise.models.compress.KernelProjection;
import kernelwise.models.compress.LayerWeights;
import kernelwise.models.plan.LayerInfo;
import kernelwise.models.plan.LayerKind;
import kernelwise.models.plan.LayerPlan;
import org.deeplearning4j.nn.api.Layer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * One compressible layer of an attached network: its plan, the pruning mask fixed at attach time, and the
 * transforms the hooks apply. The forward pass sees {@link #weights} (the latent weights projected onto the plan
 * under the fixed mask) and {@link #bias} (int8 with one scale a tensor, as the packed file stores it); after every
 * update {@link #mask} holds the pruned weights and removed kernels' biases at exactly zero.
 */
final class LayerHook {

    /** Levels of the packed file's int8 biases ({@code max|b| / 127}). */
    private static final int BIAS_LEVELS = 127;

    private final PlanAttachment owner;
    private final Layer layer;
    private final LayerInfo info;
    private final LayerPlan plan;
    private final INDArray mask;
    private final INDArray biasMask;
    private final FakeQuantPreProcessor input;

    LayerHook(PlanAttachment owner, Layer layer, LayerInfo info, LayerPlan plan, INDArray mask, INDArray biasMask, ActivationQuant quant,
              FakeQuantPreProcessor input) {
        this.owner = owner;
        this.layer = layer;
        this.info = info;
        this.plan = plan;
        this.mask = mask;
        this.biasMask = biasMask;
        this.input = input;
        if (input != null) input.setQuant(quant);
    }

    PlanAttachment owner() {
        return owner;
    }

    Layer layer() {
        return layer;
    }

    LayerInfo info() {
        return info;
    }

    /** The preprocessor that fake-quantizes this layer's input (wrapping the layer's own), or null for float activations. */
    FakeQuantPreProcessor input() {
        return input;
    }

    /** The 0/1 mask of kept weights, {@code [kernels, fanIn]}. */
    INDArray mask() {
        return mask;
    }

    /**
     * The parameter the forward pass of {@code l} sees for {@code key}. A layer other than the one attached (a
     * {@code clone()} of the network shares its configuration objects) sees its own parameters: copies are plain.
     */
    INDArray parameter(Layer l, String key, boolean training) {
        INDArray p = l.getParam(key);
        if (l != layer) return p;
        owner.check(this);
        if (LayerWeights.WEIGHT_KEY.equals(key)) return weights(p);
        if (LayerWeights.BIAS_KEY.equals(key)) return bias(p);
        return p;
    }

    /** The projection of the latent weights {@code w} (network layout) under the fixed mask, in the same layout. */
    INDArray weights(INDArray w) {
        INDArray projected = KernelProjection.project(kernels(w), mask, plan).weights();
        return info.kind() == LayerKind.CONV ? projected.reshape('c', w.shape()) : projected.transpose().dup('f');
    }

    /** The bias as the packed file stores it: removed kernels' zero, the rest int8 at {@code max|kept b| / 127}. */
    INDArray bias(INDArray b) {
        INDArray kept = b.mul(biasMask);
        float max = Transforms.abs(kept, true).maxNumber().floatValue();
        if (!(max > 0)) return kept;
        float scale = max / BIAS_LEVELS;
        return Transforms.round(kept.div(scale), false).muli(scale).muli(biasMask);
    }

    /** After an update of {@code l} (if it is the attached layer, not a copy's): its pruned weights, removed kernels' biases and their updater state back to zero. */
    void afterUpdate(Layer l) {
        if (l != layer) return;
        owner.check(this);
        mask(l);
        owner.clearUpdaterState(this);
    }

    /** Sets the pruned weights and removed kernels' biases of {@code l} to zero. */
    void mask(Layer l) {
        kernels(l.getParam(LayerWeights.WEIGHT_KEY)).muli(mask);
        if (l.paramTable().containsKey(LayerWeights.BIAS_KEY)) l.getParam(LayerWeights.BIAS_KEY).muli(biasMask);
    }

    /** The flat 0/1 mask of this layer's parameter {@code key} in the network's flattened parameter order. */
    INDArray flatMask(String key) {
        INDArray p = layer.getParam(key);
        INDArray flat = Nd4j.zeros(p.dataType(), p.length());
        if (LayerWeights.WEIGHT_KEY.equals(key)) {
            INDArray shaped = flat.reshape(p.ordering(), p.shape());
            kernels(shaped).assign(mask);
        } else {
            flat.assign(biasMask.reshape(-1));
        }
        return flat;
    }

    /** {@code w} (network layout) as a {@code [kernels, fanIn]} view. */
    private INDArray kernels(INDArray w) {
        return info.kind() == LayerKind.CONV ? w.reshape('c', info.kernels(), info.fanIn()) : w.transpose();
    }

    /** The 1/0 per-kernel bias mask of {@code plan} (0 for removed kernels), shaped like the bias. */
    static INDArray biasMask(LayerPlan plan, LayerInfo info, INDArray bias) {
        boolean[] removed = plan.removedKernels(info.fanIn());
        float[] m = new float[removed.length];
        for (int k = 0; k < m.length; k++) m[k] = removed[k] ? 0f : 1f;
        long[] shape = bias == null ? new long[]{1, m.length} : bias.shape();
        return Nd4j.createFromArray(m).reshape(shape).castTo(bias == null ? DataType.FLOAT : bias.dataType());
    }
}
