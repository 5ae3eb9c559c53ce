package kernelwise.models.compress;

import kernelwise.models.plan.LayerInfo;
import kernelwise.models.plan.LayerKind;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A compressible layer of {@link FastForward}: conv (libnd4j conv2d) or dense (GEMM with the weights as
 * {@code [kernels, fanIn]}, transposed in the call). It owns its working weights, allocated once; a following
 * batch norm can be folded in ({@code w * s} per kernel, {@code b * s + t}), applied after the plan's projection
 * so that the plan quantizes the layer's own weights. Its input is quantized when an {@link ActivationQuant} is set.
 */
final class WeightedOp implements ForwardOps.Op {

    /** Receives each compressible layer's float input during calibration. */
    interface InputObserver {
        void observe(int layer, INDArray input);
    }

    private final LayerInfo info;
    private final int[] convArgs;
    private final INDArray fold;
    private final INDArray weights;
    private final INDArray weights4d;
    private final INDArray bias;
    private final float[] keptBias;
    private final float[] removedBias;
    private final IActivation activation;
    private ActivationQuant quant;
    private InputObserver observer;

    WeightedOp(LayerInfo info, int[] convArgs, INDArray weightsKxF, INDArray bias, INDArray[] foldScaleShift, IActivation activation) {
        this.info = info;
        this.convArgs = convArgs;
        this.activation = activation;
        this.fold = foldScaleShift == null ? null : foldScaleShift[0].reshape(info.kernels(), 1).castTo(DataType.FLOAT);
        this.weights = Nd4j.createUninitialized(DataType.FLOAT, info.kernels(), info.fanIn());
        this.weights4d = info.kind() == LayerKind.CONV
                ? weights.reshape('c', info.kernels(), info.inChannels(), info.kernelH(), info.kernelW()) : null;
        INDArray b = bias == null ? Nd4j.zeros(DataType.FLOAT, info.kernels()) : bias.reshape(info.kernels()).dup();
        if (foldScaleShift != null) b.muli(foldScaleShift[0].reshape(info.kernels())).addi(foldScaleShift[1].reshape(info.kernels()));
        this.bias = info.kind() == LayerKind.CONV ? b : b.reshape(1, info.kernels());
        this.keptBias = b.toFloatVector();
        this.removedBias = foldScaleShift == null ? new float[info.kernels()] : foldScaleShift[1].reshape(info.kernels()).castTo(DataType.FLOAT).toFloatVector();
        setWeights(weightsKxF, new boolean[info.kernels()]);
    }

    LayerInfo info() {
        return info;
    }

    /** Sets the working weights; a removed kernel's bias is zero (before a folded batch norm's shift). */
    void setWeights(INDArray kxf, boolean[] removed) {
        weights.assign(kxf);
        if (fold != null) weights.muliColumnVector(fold);
        float[] b = keptBias.clone();
        for (int k = 0; k < b.length; k++) if (removed[k]) b[k] = removedBias[k];
        bias.assign(Nd4j.createFromArray(b).reshape(bias.shape()));
    }

    void setQuant(ActivationQuant q) {
        this.quant = q;
    }

    /** The input quantizer, null for float inputs. */
    ActivationQuant quant() {
        return quant;
    }

    /** conv2d's integer arguments, null for a dense layer. */
    int[] convArgs() {
        return convArgs;
    }

    /** Per kernel, the folded batch norm's scale, or null when none is folded in. */
    float[] foldScale() {
        return fold == null ? null : fold.reshape(info.kernels()).toFloatVector();
    }

    /** The working weights as used, {@code [kernels, fanIn]}: the set weights times a folded batch norm's scale. */
    INDArray effectiveWeights() {
        return weights;
    }

    /** A copy of the working bias (a folded batch norm's included). */
    float[] bias() {
        return bias.reshape(info.kernels()).toFloatVector();
    }

    /** Overwrites the working bias until the next {@link #setWeights}. */
    void setBias(float[] b) {
        bias.assign(Nd4j.createFromArray(b).reshape(bias.shape()));
    }

    void setObserver(InputObserver o) {
        this.observer = o;
    }

    @Override
    public INDArray apply(INDArray[] in) {
        INDArray x = in[0];
        if (observer != null) observer.observe(info.index(), x);
        if (quant != null) x = quant.apply(x);
        INDArray out;
        if (weights4d != null) {
            out = Nd4j.exec(DynamicCustomOp.builder("conv2d").addInputs(x, weights4d, bias).addIntegerArguments(convArgs).build())[0];
        } else {
            out = Nd4j.gemm(x, weights, false, true).addiRowVector(bias);
        }
        return activation.getActivation(out, false);
    }
}
