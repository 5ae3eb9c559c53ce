package kernelwise.models.finetune;

import kernelwise.models.compress.LayerWeights;
import kernelwise.models.plan.LayerInfo;
import kernelwise.models.plan.LayerKind;
import kernelwise.models.plan.LayerPlan;
import org.deeplearning4j.nn.gradient.Gradient;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One compressible layer of a network under training: its shape facts, its plan, and views of its weight
 * parameter and gradient as a {@code [kernels, fanIn]} matrix (a conv kernel is a row of the C-order
 * {@code [nOut, nIn*kH*kW]} reshape, a dense kernel a row of the transposed F-order {@code [nIn, nOut]} matrix).
 * The views write through to the network.
 *
 * @param info        the layer's shape facts
 * @param plan        what its kernels must become
 * @param weights     the network's {@code W} parameter (a view, network layout)
 * @param gradientKey the key of {@code W}'s gradient in the network's {@link Gradient}
 * @param bias        the network's {@code b} parameter (a view, one entry per kernel), or null if the layer has none;
 *                    a removed kernel's bias is zero once the layer is in its plan
 */
public record PlanLayer(LayerInfo info, LayerPlan plan, INDArray weights, String gradientKey, INDArray bias) {

    /** The weights as a {@code [kernels, fanIn]} view. */
    public INDArray kernels() {
        return kernelView(weights);
    }

    /** The gradient of the weights, from {@code gradient}, as a {@code [kernels, fanIn]} view. */
    public INDArray gradient(Gradient gradient) {
        INDArray g = gradient.getGradientFor(gradientKey);
        if (g == null) throw new IllegalStateException("no gradient for " + gradientKey + " of layer " + info.name());
        return kernelView(g);
    }

    /** This layer with another plan. */
    public PlanLayer withPlan(LayerPlan other) {
        return new PlanLayer(info, other, weights, gradientKey, bias);
    }

    /** 1 for every kernel the plan keeps, 0 for every removed one, shaped like {@link #bias}; null without a bias. */
    public INDArray biasMask() {
        if (bias == null) return null;
        boolean[] removed = plan.removedKernels(info.fanIn());
        float[] m = new float[removed.length];
        for (int k = 0; k < m.length; k++) m[k] = removed[k] ? 0f : 1f;
        return org.nd4j.linalg.factory.Nd4j.createFromArray(m).reshape(bias.shape()).castTo(bias.dataType());
    }

    /** Sets the bias of every removed kernel to zero. */
    public void zeroRemovedBiases() {
        if (bias != null) bias.muli(biasMask());
    }

    /** The bias gradient, from {@code gradient} (null without a bias). */
    public INDArray biasGradient(Gradient gradient) {
        if (bias == null) return null;
        String key = gradientKey.substring(0, gradientKey.length() - LayerWeights.WEIGHT_KEY.length()) + LayerWeights.BIAS_KEY;
        INDArray g = gradient.getGradientFor(key);
        if (g == null) throw new IllegalStateException("no gradient for " + key + " of layer " + info.name());
        return g;
    }

    /** Number of weights of the layer. */
    public long size() {
        return info.weights();
    }

    private INDArray kernelView(INDArray param) {
        INDArray view = info.kind() == LayerKind.CONV
                ? param.reshape('c', info.kernels(), info.fanIn())
                : param.transpose();
        if (view.rows() != info.kernels() || view.columns() != info.fanIn()) {
            throw new IllegalStateException("layer " + info.name() + ": weights " + java.util.Arrays.toString(param.shape())
                    + " do not give " + info.kernels() + " kernels of " + info.fanIn());
        }
        return view;
    }
}
