package kernelwise.models.compress;

import kernelwise.models.plan.CompressionPlan;
import kernelwise.models.plan.LayerInfo;
import kernelwise.models.plan.LayerKind;
import kernelwise.models.plan.LayerPlan;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.convolution.Convolution;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The {@link Recovery} step of a {@link FastPlanScorer}: after a plan's projection is written into the working copy,
 * one forward pass over a fixed set of training images refits each compressible layer, in network order, as its
 * input arrives (so every layer sees the outputs of the layers already refit): {@link Recovery#BIAS} moves each
 * kept kernel's bias by the mean gap between the float layer's pre-activation output and the compressed one;
 * {@link Recovery#LSQ} first refits each kernel's kept weights and bias by ridge least squares to the float output
 * (one shared solve for the kernels that keep every weight, one small solve each for kernels keeping at most
 * {@link #MAX_SOLVED} weights, the others keep their projected weights), quantizes them again to the kernel's bits
 * under its mask, then corrects the bias as {@code BIAS} does. The float outputs are computed once. Conv layers are
 * fit on the output positions of as many of the first images as give {@link #MAX_ROWS} rows. Not thread-safe: one per scorer.
 */
final class PlanRecovery {
    /** Output positions (rows of the im2col matrix) a conv layer is fit on, about. */
    static final int MAX_ROWS = 2048;
    /** Kept weights of a pruned kernel whose weights are still refit one by one. */
    static final int MAX_SOLVED = 128;
    /** Kernels that keep every weight are refit only at this many bits or fewer (above, quantization loses little). */
    static final int DENSE_BITS = 4;
    /** Ridge weight relative to the mean diagonal of the Gram matrix. */
    private static final double RIDGE = 1e-3;

    private final Recovery kind;
    private final FastForward net;
    private final INDArray samples;
    private final INDArray[] targets;    // [layer]: the float layer's pre-activation output at its rows, [rows, kernels]
    private CompressionPlan plan;
    private KernelProjection.Result[] projections;

    PlanRecovery(Recovery kind, FastForward net, INDArray[] originals, INDArray samples) {
        this.kind = kind;
        this.net = net;
        this.samples = samples;
        int n = net.spec().size();
        this.targets = new INDArray[n];
        for (int i = 0; i < n; i++) net.weighted(i).setWeights(originals[i], new boolean[net.spec().layer(i).kernels()]);
        net.setActivationQuant(new ActivationQuant[n]);
        net.observeInputs(samples, (layer, x) -> {
            WeightedOp op = net.weighted(layer);
            targets[layer] = outputs(op, columns(op, x));
        });
    }

    /** Refits the working copy's compressible layers for {@code p}, whose projection ({@code projected}, per layer) it holds. */
    void apply(CompressionPlan p, KernelProjection.Result[] projected) {
        if (kind == Recovery.NONE) return;
        this.plan = p;
        this.projections = projected;
        net.observeInputs(samples, this::refit);
    }

    private void refit(int layer, INDArray input) {
        WeightedOp op = net.weighted(layer);
        INDArray x = op.quant() == null ? input : op.quant().apply(input);
        INDArray cols = columns(op, x);
        LayerPlan lp = plan.layer(layer);
        LayerInfo info = op.info();
        boolean[] removed = lp.removedKernels(info.fanIn());
        if (kind == Recovery.LSQ) {
            INDArray mask = projections[layer].mask();
            float[] w = LeastSquares.refit(cols, targets[layer], mask.dup('c').data().asFloat(), projections[layer].weights().dup('c').data().asFloat(),
                    lp.weightBits(), op.foldScale(), DENSE_BITS, MAX_SOLVED, RIDGE);
            INDArray refit = Nd4j.createFromArray(w).reshape('c', info.kernels(), info.fanIn());
            op.setWeights(KernelProjection.project(refit, mask, lp).weights(), removed);
        }
        op.setBias(correctedBias(op, cols, layer, removed));
    }

    /** Each kept kernel's bias plus the mean gap between the float output and the layer's current one. */
    private float[] correctedBias(WeightedOp op, INDArray cols, int layer, boolean[] removed) {
        float[] gap = targets[layer].sub(outputs(op, cols)).mean(0).toFloatVector();
        float[] b = op.bias();
        for (int k = 0; k < b.length; k++) if (!removed[k]) b[k] += gap[k];
        return b;
    }

    /** The layer's pre-activation outputs for input rows {@code cols}: {@code cols x (w s)^T + b}, {@code [rows, kernels]}. */
    private static INDArray outputs(WeightedOp op, INDArray cols) {
        return Nd4j.gemm(cols, op.effectiveWeights(), false, true).addiRowVector(Nd4j.createFromArray(op.bias()));
    }

    /**
     * The layer's input as one row per output position and one column per fan-in weight (im2col for conv), float, C
     * order; a conv layer takes only as many of the first images as give {@link #MAX_ROWS} rows.
     */
    static INDArray columns(WeightedOp op, INDArray x) {
        LayerInfo info = op.info();
        if (info.kind() != LayerKind.CONV) return x.castTo(DataType.FLOAT).dup('c');
        int[] a = op.convArgs();
        INDArray first = x.get(NDArrayIndex.interval(0, Math.min(x.size(0), 1)), NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.all());
        long positions = Convolution.im2col(first, a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8] == 1).length() / info.fanIn();
        long images = Math.min(x.size(0), Math.max(1, (MAX_ROWS + positions - 1) / positions));
        INDArray some = x.get(NDArrayIndex.interval(0, images), NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.all());
        INDArray c = Convolution.im2col(some, a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8] == 1);   // [N, C, kH, kW, oH, oW]
        long n = c.size(0), oh = c.size(4), ow = c.size(5);
        return c.permute(0, 4, 5, 1, 2, 3).dup('c').reshape('c', n * oh * ow, info.fanIn());
    }
}
