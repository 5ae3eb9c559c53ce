package kernelwise.env.hardware;

import kernelwise.models.plan.CompressionPlan;
import kernelwise.models.plan.LayerInfo;
import kernelwise.models.plan.LayerPlan;

/**
 * Groups a layer's kernels into tiles of a fixed width, as an accelerator maps output channels onto the columns
 * of its array. Kernels sharing a tile run at the precision of the widest one, so kernels are first sorted by their
 * (effective) weight bits: tiles then hold equal bits except at the boundaries between bit groups. Removed kernels
 * (sparsity 1) take no slot. A counting sort over the few possible bit widths keeps this O(kernels).
 */
final class Tiles {

    /** The cost of one tile of {@code kernels} kernels running at {@code bits} weight bits. */
    @FunctionalInterface
    interface TileCost {
        double of(int bits, int kernels);
    }

    private Tiles() {
    }

    /** Bits a weight or activation of {@code bits} is computed at: float (32) runs at {@code floatBits}. */
    static int effective(int bits, int floatBits) {
        return bits == CompressionPlan.FLOAT_BITS ? floatBits : bits;
    }

    /** Sums {@code cost} over the tiles of width {@code width} of layer {@code l} under {@code p}. */
    static double sum(LayerInfo l, LayerPlan p, int width, int floatBits, TileCost cost) {
        int[] count = new int[Math.max(CompressionPlan.FLOAT_BITS, floatBits) + 1];
        for (int k = 0; k < l.kernels(); k++) {
            if (p.keptWeights(k, l.fanIn()) > 0) count[effective(p.weightBits(k), floatBits)]++;
        }
        double total = 0;
        int inTile = 0;
        int tileBits = 0;
        for (int bits = 0; bits < count.length; bits++) {
            for (int left = count[bits]; left > 0; ) {
                int take = Math.min(left, width - inTile);
                inTile += take;
                left -= take;
                tileBits = bits;
                if (inTile == width) {
                    total += cost.of(tileBits, inTile);
                    inTile = 0;
                }
            }
        }
        if (inTile > 0) total += cost.of(tileBits, inTile);
        return total;
    }
}
