package kernelwise.env.hardware;

import kernelwise.models.plan.LayerInfo;
import kernelwise.models.plan.LayerPlan;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * A BitFusion-like spatial accelerator (Sharma et al., ISCA 2018): a {@code rows x columns} array of fusion units,
 * each built from sixteen 2-bit BitBricks that fuse into 1 (8x8-bit) to 16 (2x2-bit) multipliers. Per layer:
 * <ul>
 *   <li>output channels (kernels) are tiled over the columns after sorting them by weight bits; a tile runs at its
 *       widest kernel's precision ({@link Tiles});</li>
 *   <li>each tile needs {@code ceil(fanIn/rows)} passes over the rows per output position, divided by the fused
 *       speed-up {@code f(a) * f(w)}, {@code f(b) = floor(8/max(b,2))} for b <= 8 and {@code 8/b} above (a 16-bit
 *       operand takes two 8-bit passes);</li>
 *   <li>float (32-bit) weights and activations are computed as {@code floatBits}-bit fixed point (default 16, the
 *       widest BitFusion supports by temporal fusion); float weights still travel at 32 bits;</li>
 *   <li>memory traffic ({@link Traffic}) over a {@code memoryInterfaceBits}-wide interface overlaps with compute:
 *       the layer takes {@code max(compute, memory)} cycles;</li>
 *   <li>energy: {@code corePjPerCycle} per busy compute cycle, {@code sramPjPerBit} per bit read from or written
 *       to the on-chip buffers (weights once, inputs once per column tile, outputs once) and {@code dramPjPerBit}
 *       per bit of DRAM traffic.</li>
 * </ul>
 * Pruning: removed kernels (sparsity 1) are skipped; zeros inside a kernel are NOT skipped by the array (a dense
 * systolic array), but pruned weights shrink the packed weight traffic.
 */
public final class BitFusionModel extends RooflineModel<BitFusionModel.Params> {

    /**
     * @param rows                fusion units along the reduction dimension
     * @param columns             fusion units along the output-channel dimension
     * @param clockHz             clock frequency
     * @param memoryInterfaceBits bits moved per cycle between DRAM and the buffers
     * @param floatBits           fixed-point width float operands are computed at (8..32)
     * @param corePjPerCycle      energy of one busy array cycle
     * @param sramPjPerBit        energy per on-chip buffer bit accessed
     * @param dramPjPerBit        energy per DRAM bit moved
     * @param notes               free text: where the numbers come from (ignored by the model)
     */
    public record Params(int rows, int columns, double clockHz, int memoryInterfaceBits, int floatBits,
                         double corePjPerCycle, double sramPjPerBit, double dramPjPerBit, Map<String, String> notes)
            implements ArrayParams {
        public Params {
            positive("bitfusion", "rows", rows);
            positive("bitfusion", "columns", columns);
            positive("bitfusion", "clockHz", clockHz);
            positive("bitfusion", "memoryInterfaceBits", memoryInterfaceBits);
            checkFloatBits("bitfusion", floatBits);
            nonNegative("bitfusion", "corePjPerCycle", corePjPerCycle);
            nonNegative("bitfusion", "sramPjPerBit", sramPjPerBit);
            nonNegative("bitfusion", "dramPjPerBit", dramPjPerBit);
            notes = notes == null ? Map.of() : Map.copyOf(notes);
        }

        /** The shipped defaults ({@code /kernelwise/hardware/bitfusion.json}). */
        public static Params defaults() {
            return ParamsFiles.defaults(Params.class, "bitfusion");
        }

        /** Parameters from {@code file}, or the defaults when it is null. */
        public static Params load(Path file) throws IOException {
            return ParamsFiles.load(Params.class, "bitfusion", file);
        }

        /** Kernels per tile: {@code columns}. */
        @Override
        public int tileWidth() {
            return columns;
        }

        /** DRAM bits per cycle: {@code memoryInterfaceBits}. */
        @Override
        public int dramBitsPerCycle() {
            return memoryInterfaceBits;
        }
    }

    public BitFusionModel(Params params) {
        super("bitfusion", params);
    }

    /** The fused speed-up of one operand of {@code bits} (effective) bits relative to 8 bits. */
    public static double operandSpeedup(int bits) {
        return bits <= 8 ? Math.floorDiv(8, Math.max(bits, 2)) : 8.0 / bits;
    }

    /** {@code ceil(fanIn/rows) * outputPositions} row passes over the fused speed-up {@code f(a) * f(w)}. */
    @Override
    Tiles.TileCost tileCycles(LayerInfo l, int a) {
        double passes = Math.ceil((double) l.fanIn() / p.rows()) * l.outputPositions();
        double fa = operandSpeedup(a);
        return (w, n) -> passes / (fa * operandSpeedup(w));
    }

    /** Weights read once, inputs once per column tile, outputs written once, at {@code sramPjPerBit}. */
    @Override
    double bufferEnergyPj(LayerInfo l, LayerPlan plan, int a) {
        double tiles = Tiles.sum(l, plan, p.columns(), p.floatBits(), (w, n) -> 1);
        double weights = Traffic.weightBits(l, plan);
        double inputs = (double) Traffic.inputValues(l) * a;
        double outputs = (double) Traffic.liveKernels(l, plan) * l.outputPositions() * a;
        return (weights + inputs * tiles + outputs) * p.sramPjPerBit();
    }
}
