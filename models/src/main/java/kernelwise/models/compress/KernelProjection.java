package kernelwise.models.compress;

import kernelwise.models.plan.CompressionPlan;
import kernelwise.models.plan.LayerPlan;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Projects a layer's {@code [kernels, fanIn]} weight matrix onto a {@link LayerPlan}, all kernels at once with
 * ND4J array operations (the only Java loop builds the per-kernel parameters from the plan).
 * <p>
 * Per kernel {@code k} with {@code n = keptWeights(k, fanIn)} and {@code b} weight bits:
 * <ol>
 *   <li>Pruning: keep exactly the {@code n} weights of largest magnitude. Ties at the threshold magnitude are
 *       broken by position: the lowest columns are kept first. {@code n = 0} removes the kernel.</li>
 *   <li>Quantization, symmetric and uniform with the kernel's own scale. A dense kernel ({@code n = fanIn}),
 *       {@code b >= 2}: mid-tread, zero is a level: {@code L = 2^(b-1)-1}, {@code scale = max|w| / L},
 *       {@code q = round(w / scale)} clamped to {@code [-L, L]}, value {@code q * scale}. A pruned kernel
 *       ({@code n < fanIn}), {@code b >= 2}: mid-rise, zero is not a level, since the mask already says which
 *       weights are zero, so all {@code 2^b} codes carry a magnitude: {@code H = 2^(b-1)},
 *       {@code scale = max|kept w| / (H - 1/2)}, {@code i = floor(w / scale)} clamped to {@code [-H, H-1]}, value
 *       {@code (i + 1/2) * scale} (at 2 bits: +-scale/2 and +-3 scale/2, where mid-tread would spend a code on zero
 *       and leave one unused). {@code b = 1}: {@code scale} = mean magnitude of the kept weights, value
 *       {@code +scale} for {@code w >= 0} and {@code -scale} otherwise (zero has no 1-bit code, it maps to
 *       {@code +scale}); {@code b = 32}: the kept weights unchanged.</li>
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

    /**
     * Quantizes {@code w} (not modified) under a fixed {@code mask} that keeps {@code plan}'s counts, as
     * {@link #project} does after choosing its mask; for training loops whose mask no longer changes.
     */
    public static Result project(INDArray w, INDArray mask, LayerPlan plan) {
        check(w, plan);
        return quantize(w.mul(mask), mask, keptColumn(plan, (int) w.columns()), plan);
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

    /**
     * Per row, the {@code kept} largest magnitudes, ties at the threshold broken towards the lower columns. A
     * quickselect per row on the Java side, much cheaper than ND4J's row sort, and the mask is computed before
     * every training batch of the QAT loop ({@code bench eval} times the projection with the scoring).
     */
    private static INDArray mask(INDArray w, INDArray kept) {
        int rows = (int) w.rows(), cols = (int) w.columns();
        float[] abs = flat(w);
        float[] keep = kept.toFloatVector();
        float[] mask = new float[rows * cols];
        float[] scratch = new float[cols];
        for (int r = 0, o = 0; r < rows; r++, o += cols) {
            int k = (int) keep[r];
            if (k <= 0) continue;
            if (k >= cols) {
                java.util.Arrays.fill(mask, o, o + cols, 1f);
                continue;
            }
            for (int j = 0; j < cols; j++) scratch[j] = Math.abs(abs[o + j]);
            float threshold = kthLargest(scratch, k);
            int above = 0;
            for (int j = 0; j < cols; j++) if (Math.abs(abs[o + j]) > threshold) above++;
            int ties = k - above;
            for (int j = 0; j < cols; j++) {
                float a = Math.abs(abs[o + j]);
                if (a > threshold) mask[o + j] = 1f;
                else if (a == threshold && ties > 0) {
                    mask[o + j] = 1f;
                    ties--;
                }
            }
        }
        return Nd4j.createFromArray(mask).reshape(rows, cols);
    }

    /** The k-th largest value of {@code a} (1-based), reordering {@code a}: Hoare's quickselect. */
    private static float kthLargest(float[] a, int k) {
        int lo = 0, hi = a.length - 1, target = k - 1;
        while (lo < hi) {
            float pivot = a[(lo + hi) >>> 1];
            int i = lo, j = hi;
            while (i <= j) {
                while (a[i] > pivot) i++;
                while (a[j] < pivot) j--;
                if (i <= j) {
                    float t = a[i];
                    a[i] = a[j];
                    a[j] = t;
                    i++;
                    j--;
                }
            }
            if (target <= j) hi = j;
            else if (target >= i) lo = i;
            else return a[target];
        }
        return a[target];
    }

    /**
     * Quantizes the kept weights kernel by kernel. A Java pass over the rows: the same arithmetic as array
     * operations (float32 products and quotients, IEEE-exact either way) without about 20 broadcast operations'
     * dispatch and temporaries, and it runs before every QAT batch.
     */
    private static Result quantize(INDArray masked, INDArray mask, INDArray kept, LayerPlan plan) {
        int rows = (int) masked.rows(), cols = (int) masked.columns();
        float[] w = flat(masked);
        float[] m = flat(mask);
        float[] keep = kept.toFloatVector();
        float[] raw = new float[rows];
        boolean[] scaled = new boolean[rows];
        float reference = 0;
        for (int k = 0; k < rows; k++) {
            int b = plan.weightBits(k);
            if (b == CompressionPlan.FLOAT_BITS || keep[k] <= 0) continue;
            scaled[k] = true;
            float max = 0, sum = 0;
            for (int j = k * cols; j < (k + 1) * cols; j++) {
                float a = Math.abs(w[j]) * m[j];
                max = Math.max(max, a);
                sum += a;
            }
            raw[k] = b == 1 ? sum / keep[k] : midRise(b, (int) keep[k], cols) ? max / ((1 << (b - 1)) - 0.5f) : max / ((1 << (b - 1)) - 1);
            reference = Math.max(reference, raw[k]);
        }
        float[] out = new float[rows * cols];
        float[] scales = new float[rows];
        for (int k = 0; k < rows; k++) {
            int b = plan.weightBits(k);
            if (b == CompressionPlan.FLOAT_BITS) {
                for (int j = k * cols; j < (k + 1) * cols; j++) out[j] = m[j] != 0 ? w[j] : 0f;
                continue;
            }
            if (!scaled[k]) continue;
            boolean midRise = midRise(b, (int) keep[k], cols);
            float s = ScaleCode.value(reference, code(w, m, k * cols, cols, reference, raw[k], b, midRise));
            scales[k] = s;
            for (int j = k * cols; j < (k + 1) * cols; j++) {
                if (m[j] == 0) continue;
                if (b == 1) out[j] = w[j] >= 0 ? s : -s;
                else if (s > 0) out[j] = value(code(w[j], s, b, midRise), s, b, midRise);
            }
        }
        return new Result(Nd4j.createFromArray(out).reshape(rows, cols), mask, Nd4j.createFromArray(scales));
    }

    /**
     * The grid code of a kernel's scale: the nearest to its raw scale, unless the kernel already lies on the grid
     * of that code's neighbour (its kept weights integer multiples of that scale within [-L, L]), which is then
     * kept: with L = 127, rounding the levels can move the raw scale of a projected kernel by more than half a grid
     * step, and projecting a projection must change nothing.
     */
    private static int code(float[] w, float[] m, int from, int cols, float reference, float raw, int bits, boolean midRise) {
        int nearest = ScaleCode.code(reference, raw);
        if (bits == 1 || onGrid(w, m, from, cols, ScaleCode.value(reference, nearest), bits, midRise)) return nearest;
        for (int c = Math.max(0, nearest - 1); c <= Math.min(ScaleCode.MAX_CODE, nearest + 1); c += 2) {
            if (onGrid(w, m, from, cols, ScaleCode.value(reference, c), bits, midRise)) return c;
        }
        return nearest;
    }

    private static boolean onGrid(float[] w, float[] m, int from, int cols, float s, int bits, boolean midRise) {
        if (!(s > 0)) return false;
        float top = midRise ? (1 << (bits - 1)) - 0.5f : (1 << (bits - 1)) - 1;
        float shift = midRise ? 0.5f : 0f;
        for (int j = from; j < from + cols; j++) {
            if (m[j] == 0) continue;
            float q = w[j] / s;
            if (Math.abs(q) > top + 1e-3f || Math.abs(q - shift - Math.round(q - shift)) > 1e-3f) return false;
        }
        return true;
    }

    /**
     * Whether a kernel of {@code bits} keeping {@code kept} of {@code fanIn} weights is quantized mid-rise (pruned,
     * 2..8 bits: no zero level) rather than mid-tread.
     */
    public static boolean midRise(int bits, int kept, int fanIn) {
        return bits >= 2 && bits != CompressionPlan.FLOAT_BITS && kept < fanIn;
    }

    /**
     * The unsigned {@code bits}-bit code of weight {@code w} at step {@code s} (2..8 bits): mid-tread
     * {@code clamp(round(w/s), -L, L) + L} with {@code L = 2^(b-1)-1} (codes 0..2L), mid-rise
     * {@code clamp(floor(w/s), -H, H-1) + H} with {@code H = 2^(b-1)} (codes 0..2H-1).
     */
    public static int code(float w, float s, int bits, boolean midRise) {
        int half = 1 << (bits - 1);
        if (midRise) return Math.max(-half, Math.min(half - 1, (int) Math.floor(w / s))) + half;
        return Math.max(-(half - 1), Math.min(half - 1, Math.round(w / s))) + half - 1;
    }

    /** The weight of a {@link #code}: {@code (code - L) * s}, or mid-rise {@code (code - H + 1/2) * s}, in float32. */
    public static float value(int code, float s, int bits, boolean midRise) {
        int half = 1 << (bits - 1);
        return midRise ? (code - half + 0.5f) * s : (code - (half - 1)) * s;
    }

    /** The largest valid {@link #code} at {@code bits}. */
    public static int maxCode(int bits, boolean midRise) {
        return midRise ? (1 << bits) - 1 : (1 << bits) - 2;
    }

    /** The elements of a matrix in row-major order. */
    private static float[] flat(INDArray a) {
        return a.dup('c').data().asFloat();
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
