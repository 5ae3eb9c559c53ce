package kernelwise.models.compress;

import kernelwise.models.plan.CompressionPlan;

/**
 * The size of one kernel in the packed {@code .kw} format, shared by the exporter and the {@code size} hardware
 * model so that both tell the same truth. A kernel is stored as:
 * <ul>
 *   <li>a one-byte tag (weight bits and the sparse encoding used);</li>
 *   <li>if quantized (1..8 bits) and not removed: its scale as a 32-bit float;</li>
 *   <li>if some but not all weights are pruned: the positions of the kept weights, as a bitmap of {@code fanIn}
 *       bits or as a list of {@code ceil(log2 fanIn)}-bit indices, whichever is smaller;</li>
 *   <li>the kept weights at their bit width (32 for float kernels).</li>
 * </ul>
 * The payload of a layer is padded to a whole byte once, not per kernel.
 */
public final class KernelStorage {

    /** Bits of the per-kernel tag. */
    public static final int TAG_BITS = 8;
    /** Bits of a quantized kernel's scale. */
    public static final int SCALE_BITS = 32;

    private KernelStorage() {
    }

    /** How the kept weights' positions are stored. */
    public enum Encoding { DENSE, BITMAP, INDEX_LIST, REMOVED }

    /** The encoding for a kernel of {@code fanIn} weights of which {@code kept} are kept. */
    public static Encoding encoding(int fanIn, int kept) {
        if (kept == 0) return Encoding.REMOVED;
        if (kept == fanIn) return Encoding.DENSE;
        return (long) kept * indexBits(fanIn) < fanIn ? Encoding.INDEX_LIST : Encoding.BITMAP;
    }

    /** Bits of one index into a kernel of {@code fanIn} weights. */
    public static int indexBits(int fanIn) {
        return Math.max(1, 32 - Integer.numberOfLeadingZeros(fanIn - 1));
    }

    /** Total bits of one kernel: tag, scale, positions and values. */
    public static long bits(int fanIn, int kept, int weightBits) {
        long total = TAG_BITS;
        Encoding e = encoding(fanIn, kept);
        if (e == Encoding.REMOVED) return total;
        if (weightBits != CompressionPlan.FLOAT_BITS) total += SCALE_BITS;
        if (e == Encoding.BITMAP) total += fanIn;
        if (e == Encoding.INDEX_LIST) total += (long) kept * indexBits(fanIn);
        return total + (long) kept * weightBits;
    }
}
