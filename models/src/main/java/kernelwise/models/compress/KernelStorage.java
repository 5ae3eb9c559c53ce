package kernelwise.models.compress;

import kernelwise.models.plan.CompressionPlan;

/**
 * The size of one kernel in the packed {@code .kw} format, shared by the exporter and the {@code size} hardware
 * model so that both tell the same truth. A plan fixes every kernel's weight bits and kept count, and the file's
 * header holds the plan, so a kernel's payload is only:
 * <ul>
 *   <li>nothing, if the kernel is removed (all weights pruned);</li>
 *   <li>if quantized (1..8 bits): its scale as a {@link ScaleCode#BITS}-bit code on the layer's grid;</li>
 *   <li>if some but not all weights are pruned: which ones are kept, as the rank of that subset among all
 *       subsets of its size ({@link SubsetCode}, {@code ceil(log2 C(fanIn, kept))} bits);</li>
 *   <li>the kept weights at their bit width (32 for float kernels).</li>
 * </ul>
 * The payload of a layer is padded to a whole byte once, not per kernel.
 */
public final class KernelStorage {

    private KernelStorage() {
    }

    /** Total bits of one kernel: scale code, positions and values. */
    public static long bits(int fanIn, int kept, int weightBits) {
        if (kept == 0) return 0;
        long total = weightBits == CompressionPlan.FLOAT_BITS ? 0 : ScaleCode.BITS;
        return total + SubsetCode.bits(fanIn, kept) + (long) kept * weightBits;
    }
}
