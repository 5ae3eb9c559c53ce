package kernelwise.models.compress;

/**
 * The grid a quantized kernel's scale lives on, so that the packed format can store it in {@link #BITS} bits:
 * {@code scale = reference * 2^(-code / STEPS_PER_OCTAVE)} with {@code code} in {@code [0, 2^BITS - 1]}, where
 * {@code reference} is one float32 per layer (the largest scale of its quantized kernels, code 0). Sixteen steps
 * an octave put every scale within 2.2% of the one asked for; the grid spans 16 octaves below the reference,
 * and smaller scales are clamped to its bottom. Values are computed in double and rounded to float once, so the
 * exporter, the projection and the reader agree to the bit.
 */
public final class ScaleCode {
    /** Bits of one kernel's scale code in the packed format. */
    public static final int BITS = 8;
    /** Codes per factor of two. */
    public static final int STEPS_PER_OCTAVE = 16;
    /** The largest code. */
    public static final int MAX_CODE = (1 << BITS) - 1;

    private ScaleCode() {
    }

    /** The code nearest to {@code scale} on the grid below {@code reference} (0 if {@code reference} is 0). */
    public static int code(float reference, float scale) {
        if (!(reference > 0)) return 0;
        if (!(scale > 0)) return MAX_CODE;
        long c = Math.round(-STEPS_PER_OCTAVE * (Math.log((double) scale / reference) / Math.log(2)));
        return (int) Math.max(0, Math.min(MAX_CODE, c));
    }

    /** The scale of {@code code}. */
    public static float value(float reference, int code) {
        if (code < 0 || code > MAX_CODE) throw new IllegalArgumentException("scale code must be in [0, " + MAX_CODE + "], found " + code);
        return (float) (reference * Math.pow(2, -(double) code / STEPS_PER_OCTAVE));
    }

    /** {@code scale} rounded to the grid of {@code reference}. */
    public static float round(float reference, float scale) {
        return value(reference, code(reference, scale));
    }
}
