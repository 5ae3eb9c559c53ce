package kernelwise.models.compress;

import kernelwise.models.plan.CompressionPlan;
import kernelwise.models.plan.LayerPlan;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Projects a layer's {@code [kernels, fanIn]} weight matrix onto a {@link LayerPlan}, all kernels at once with
 * ND4J array operations (the only Java loop builds the per-kernel parameters from the plan).
 * <p>
 * Per kernel {@code k} with {@code n = keptWeights(k, fanIn)} and {@code b} weight bits:
 * <ol>
 *   <li>Pruning: keep exactly the {@code n} weights of largest magnitude. Ties at the threshold magnitude are
 *       broken by position: the lowest columns are kept first. {@code n = 0} removes the kernel.</li>
 *   <li>Quantization, symmetric and uniform with the kernel's own scale: {@code b >= 2}: {@code L = 2^(b-1)-1},
 *       {@code scale = max|kept w| / L}, {@code q = round(w / scale)} clamped to {@code [-L, L]}, value
 *       {@code q * scale}; {@code b = 1}: {@code scale} = mean magnitude of the kept weights, value {@code +scale}
 *       for {@code w >= 0} and {@code -scale} otherwise (zero has no 1-bit code, it maps to {@code +scale});
 *       {@code b = 32}: the kept weights unchanged.</li>
 *   <li>The scales of a layer's quantized kernels are rounded onto its {@link ScaleCode} grid (reference: their
 *       largest), so the packed format stores each in 8 bits; projecting a projection changes nothing.</li>
 * </ol>
 * Pruned weights are exactly zero. Every value is computed in float32 as {@code level * scale}, which is what
 * the packed format stores, so a packed round trip is bit-identical.
 */
public final class KernelProjection {

    private KernelProjection() {
    }

    /**
     * A projected layer.
     *
     * @param weights the projected {@code [kernels, fanIn]} weights
     * @param mask    1 for kept weights, 0 for pruned ones, {@code [kernels, fanIn]}
     * @param scales  per kernel, {@code [kernels]}: the quantization step ({@code b >= 2}), the magnitude
     *                ({@code b = 1}) or 0 (float kernels)
     */
    public record Result(INDArray weights, INDArray mask, INDArray scales) {
    }

    /** Projects {@code w} (not modified) onto {@code plan}. */
    public static Result project(INDArray w, LayerPlan plan) {
        check(w, plan);
        INDArray kept = keptColumn(plan, (int) w.columns());
        INDArray mask = mask(w, kept);
        return quantize(w.mul(mask), mask, kept, plan);
    }

    /** Projects {@code w} onto {@code plan} and writes the result into {@code w}; returns the mask. */
    public static INDArray projectInPlace(INDArray w, LayerPlan plan) {
        Result r = project(w, plan);
        w.assign(r.weights());
        return r.mask();
    }

    /** The 0/1 mask of the {@code keptWeights(k, fanIn)} largest-magnitude weights of each row. */
    public static INDArray mask(INDArray w, LayerPlan plan) {
        check(w, plan);
        return mask(w, keptColumn(plan, (int) w.columns()));
    }

    private static INDArray mask(INDArray w, INDArray kept) {
        int rows = (int) w.rows(), cols = (int) w.columns();
        INDArray abs = Transforms.abs(w, true).castTo(DataType.FLOAT);
        INDArray sorted = Nd4j.sort(abs.dup('c'), 1, false);
        INDArray columns = Nd4j.zeros(DataType.FLOAT, rows, cols).addiRowVector(Nd4j.arange(cols).castTo(DataType.FLOAT));
        INDArray atThreshold = columns.subColumnVector(kept.sub(1)).eq(0).castTo(DataType.FLOAT);
        INDArray threshold = sorted.muli(atThreshold).sum(1).reshape(rows, 1);
        INDArray diff = abs.subiColumnVector(threshold);
        INDArray above = diff.gt(0).castTo(DataType.FLOAT);
        INDArray equal = diff.eq(0).castTo(DataType.FLOAT);
        INDArray need = kept.sub(above.sum(1).reshape(rows, 1));
        INDArray ties = equal.cumsum(1).subiColumnVector(need).lte(0).castTo(DataType.FLOAT).muli(equal);
        return above.addi(ties).muliColumnVector(kept.gt(0).castTo(DataType.FLOAT));
    }

    private static Result quantize(INDArray masked, INDArray mask, INDArray kept, LayerPlan plan) {
        int rows = (int) masked.rows();
        float[] levels = new float[rows], isQ = new float[rows], is1 = new float[rows], is32 = new float[rows];
        for (int k = 0; k < rows; k++) {
            int b = plan.weightBits(k);
            levels[k] = b >= 2 && b != CompressionPlan.FLOAT_BITS ? (1 << (b - 1)) - 1 : 1;
            isQ[k] = b >= 2 && b != CompressionPlan.FLOAT_BITS ? 1 : 0;
            is1[k] = b == 1 ? 1 : 0;
            is32[k] = b == CompressionPlan.FLOAT_BITS ? 1 : 0;
        }
        INDArray abs = Transforms.abs(masked, true);
        INDArray step = abs.max(1).reshape(rows, 1).divi(column(levels));
        INDArray magnitude = abs.sum(1).reshape(rows, 1).divi(Transforms.max(kept, 1.0, true));
        INDArray scales = column(onGrid(step.mul(column(isQ)).addi(magnitude.mul(column(is1))).toFloatVector(), kept.toFloatVector(), isQ, is1));
        INDArray safeStep = scales.add(scales.eq(0).castTo(DataType.FLOAT));
        INDArray limit = Nd4j.zeros(DataType.FLOAT, rows, masked.columns()).addiColumnVector(column(levels));
        INDArray level = Transforms.min(Transforms.max(Transforms.round(masked.divColumnVector(safeStep), false), limit.neg(), false), limit, false);
        INDArray quantized = level.muliColumnVector(scales);
        INDArray sign = masked.gte(0).castTo(DataType.FLOAT).muli(2).subi(1);
        INDArray binary = sign.muliColumnVector(scales).muli(mask);
        INDArray out = masked.mulColumnVector(column(is32))
                .addi(quantized.muliColumnVector(column(isQ)))
                .addi(binary.muliColumnVector(column(is1)));
        return new Result(out, mask, scales.mul(column(isQ).add(column(is1))).reshape(rows));
    }

    /**
     * The kernels' scales rounded onto the layer's {@link ScaleCode} grid, whose reference is the largest scale of
     * the layer's quantized, non-removed kernels; 0 for float and removed kernels.
     */
    private static float[] onGrid(float[] raw, float[] kept, float[] isQ, float[] is1) {
        float reference = reference(raw, kept, isQ, is1);
        float[] s = new float[raw.length];
        for (int k = 0; k < raw.length; k++) {
            if ((isQ[k] + is1[k]) > 0 && kept[k] > 0) s[k] = ScaleCode.round(reference, raw[k]);
        }
        return s;
    }

    private static float reference(float[] raw, float[] kept, float[] isQ, float[] is1) {
        float reference = 0;
        for (int k = 0; k < raw.length; k++) {
            if ((isQ[k] + is1[k]) > 0 && kept[k] > 0) reference = Math.max(reference, raw[k]);
        }
        return reference;
    }

    /** The layer's scale reference of a projection's {@link Result#scales()}: their largest value (code 0). */
    public static float reference(INDArray scales) {
        return scales.length() == 0 ? 0f : scales.maxNumber().floatValue();
    }

    private static INDArray keptColumn(LayerPlan plan, int fanIn) {
        float[] kept = new float[plan.kernels()];
        for (int k = 0; k < kept.length; k++) kept[k] = plan.keptWeights(k, fanIn);
        return column(kept);
    }

    private static INDArray column(float[] values) {
        return Nd4j.createFromArray(values).reshape(values.length, 1);
    }

    private static void check(INDArray w, LayerPlan plan) {
        if (w.rank() != 2 || w.rows() != plan.kernels()) {
            throw new IllegalArgumentException("layer " + plan.layer() + ": weights must be [" + plan.kernels()
                    + ", fanIn], found " + java.util.Arrays.toString(w.shape()));
        }
        if (w.dataType() != DataType.FLOAT) {
            throw new IllegalArgumentException("layer " + plan.layer() + ": weights must be FLOAT, found " + w.dataType());
        }
    }
}
