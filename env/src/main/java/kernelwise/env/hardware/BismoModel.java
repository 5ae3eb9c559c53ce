package kernelwise.env.hardware;

import kernelwise.models.plan.LayerInfo;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * A BISMO-like bit-serial matrix engine (Umuroglu et al., FPL 2018): a {@code Dm x Dn} array of dot-product units,
 * each {@code Dk} bits wide, computes a binary matrix product per cycle; a {@code w}-bit by {@code a}-bit product
 * takes {@code w*a} binary passes. A layer is the product of its im2col input ({@code M} = output positions rows,
 * {@code K} = fanIn) and its weights ({@code N} = kernels columns):
 * {@code cycles = sum over tiles of ceil(M/Dm) * ceil(K/Dk) * w_tile * a}, the tiles being {@code Dn} kernels wide,
 * kernels sorted by bits and each tile at its widest kernel's bits ({@link Tiles}), which equals
 * {@code ceil(M/Dm) ceil(N/Dn) ceil(K/Dk) w a} for a uniform layer. 1-bit weights cost one pass (bit-serial handles
 * any width); float operands are computed as {@code floatBits}-bit fixed point (default 16). DRAM traffic
 * ({@link Traffic}) overlaps with compute (roofline). Pruning: removed kernels are skipped; zeros inside a kernel
 * are not (the engine is dense), but pruned weights shrink the packed weight traffic.
 */
public final class BismoModel extends RooflineModel<BismoModel.Params> {

    /**
     * @param dm               rows of dot-product units (lhs rows per cycle)
     * @param dn               columns of dot-product units (rhs columns per cycle)
     * @param dk               bits per dot-product unit per cycle
     * @param clockHz          clock frequency
     * @param dramBitsPerCycle bits moved per cycle between DRAM and the engine's buffers
     * @param floatBits        fixed-point width float operands are computed at (8..32)
     * @param corePjPerCycle   energy of one busy engine cycle
     * @param dramPjPerBit     energy per DRAM bit moved
     * @param notes            free text: where the numbers come from (ignored by the model)
     */
    public record Params(int dm, int dn, int dk, double clockHz, int dramBitsPerCycle, int floatBits,
                         double corePjPerCycle, double dramPjPerBit, Map<String, String> notes) implements ArrayParams {
        public Params {
            positive("bismo", "dm", dm);
            positive("bismo", "dn", dn);
            positive("bismo", "dk", dk);
            positive("bismo", "clockHz", clockHz);
            positive("bismo", "dramBitsPerCycle", dramBitsPerCycle);
            checkFloatBits("bismo", floatBits);
            nonNegative("bismo", "corePjPerCycle", corePjPerCycle);
            nonNegative("bismo", "dramPjPerBit", dramPjPerBit);
            notes = notes == null ? Map.of() : Map.copyOf(notes);
        }

        /** The shipped defaults ({@code /kernelwise/hardware/bismo.json}). */
        public static Params defaults() {
            return ParamsFiles.defaults(Params.class, "bismo");
        }

        /** Parameters from {@code file}, or the defaults when it is null. */
        public static Params load(Path file) throws IOException {
            return ParamsFiles.load(Params.class, "bismo", file);
        }

        /** Kernels per tile: {@code dn}. */
        @Override
        public int tileWidth() {
            return dn;
        }
    }

    public BismoModel(Params params) {
        super("bismo", params);
    }

    /** {@code ceil(M/Dm) * ceil(K/Dk) * w * a} binary passes. */
    @Override
    Tiles.TileCost tileCycles(LayerInfo l, int a) {
        double mk = Math.ceil((double) l.outputPositions() / p.dm()) * Math.ceil((double) l.fanIn() / p.dk());
        return (w, n) -> mk * w * a;
    }
}
