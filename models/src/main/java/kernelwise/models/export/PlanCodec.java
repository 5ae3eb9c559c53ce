package kernelwise.models.export;

import kernelwise.models.plan.CompressionPlan;
import kernelwise.models.plan.LayerPlan;
import kernelwise.models.plan.NetworkSpec;

import java.util.ArrayList;
import java.util.List;

/**
 * A plan's per-kernel facts packed for the {@code .kw} side block (activation bits go in the JSON header). Per
 * layer, the kept counts in the cheaper of two forms, after a 1-bit flag: (0) every count Rice-coded with the
 * layer's best parameter (4 bits, then per kernel the quotient in unary and the remainder in that many bits); (1) a
 * bit per kernel, 1 if it is removed, then {@code kept - 1} of the others Rice-coded likewise (layers where many
 * kernels are removed and the rest keep several weights). Then the weight bits of the kernels that keep any:
 * a 1 and one 4-bit code if they all agree, else a 0 and a 4-bit code each (1..8 as 0..7, float as 8). On
 * LeNet-5 plans with varied kept counts this is about half the size of the same numbers as deflated JSON.
 */
final class PlanCodec {
    private static final int RICE_BITS = 4;
    private static final int BITS_CODE = 4;
    private static final int FLOAT_CODE = 8;

    private PlanCodec() {
    }

    static byte[] encode(CompressionPlan plan, NetworkSpec spec) {
        BitWriter out = new BitWriter();
        for (int i = 0; i < plan.size(); i++) {
            LayerPlan l = plan.layer(i);
            int fanIn = spec.layer(i).fanIn();
            int[] kept = new int[l.kernels()];
            for (int k = 0; k < kept.length; k++) kept[k] = l.keptWeights(k, fanIn);
            int[] alive = java.util.Arrays.stream(kept).filter(k -> k > 0).map(k -> k - 1).toArray();
            boolean flagged = kept.length + riceBits(alive, bestRice(alive)) < riceBits(kept, bestRice(kept));
            out.write(flagged ? 1 : 0, 1);
            if (flagged) {
                for (int k : kept) out.write(k == 0 ? 1 : 0, 1);
                writeRice(out, alive);
            } else {
                writeRice(out, kept);
            }
            List<Integer> bits = new ArrayList<>();
            for (int k = 0; k < kept.length; k++) if (kept[k] > 0) bits.add(l.weightBits(k));
            boolean same = bits.stream().distinct().count() <= 1;
            out.write(same ? 1 : 0, 1);
            if (same) out.write(bits.isEmpty() ? 7 : code(bits.get(0)), BITS_CODE);
            else for (int b : bits) out.write(code(b), BITS_CODE);
        }
        return out.toByteArray();
    }

    /**
     * The plan of {@code spec}'s layers, named {@code names} with {@code activationBits}; sparsity is stored as
     * {@code (fanIn - kept) / fanIn}, and removed kernels get 8 bits (they have none).
     */
    static CompressionPlan decode(byte[] bytes, NetworkSpec spec, String[] names, int[] activationBits) throws KwFormatException {
        BitReader in = new BitReader(bytes);
        List<LayerPlan> layers = new ArrayList<>();
        for (int i = 0; i < spec.size(); i++) {
            int fanIn = spec.layer(i).fanIn();
            int kernels = spec.layer(i).kernels();
            boolean flagged = in.read(1) == 1;
            boolean[] removed = new boolean[kernels];
            if (flagged) for (int k = 0; k < kernels; k++) removed[k] = in.read(1) == 1;
            int r = (int) in.read(RICE_BITS);
            int[] kept = new int[kernels];
            for (int k = 0; k < kernels; k++) {
                if (removed[k]) continue;
                int q = 0;
                while (in.read(1) == 1) {
                    if (++q > (fanIn >>> r)) throw new KwFormatException("layer " + i + " kernel " + k + ": kept count above " + fanIn);
                }
                kept[k] = ((q << r) | (int) in.read(r)) + (flagged ? 1 : 0);
                if (kept[k] > fanIn) throw new KwFormatException("layer " + i + " kernel " + k + ": " + kept[k] + " kept weights of " + fanIn);
            }
            int[] bits = new int[kernels];
            boolean same = in.read(1) == 1;
            int shared = same ? bits((int) in.read(BITS_CODE), i) : 0;
            double[] sparsity = new double[kernels];
            for (int k = 0; k < kernels; k++) {
                bits[k] = kept[k] == 0 ? 8 : same ? shared : bits((int) in.read(BITS_CODE), i);
                sparsity[k] = (fanIn - kept[k]) / (double) fanIn;
            }
            layers.add(new LayerPlan(names[i], activationBits[i], bits, sparsity));
        }
        if (8L * bytes.length - in.position() >= 8) throw new KwFormatException("plan block has bytes left over after the last layer");
        return CompressionPlan.of(spec, layers);
    }

    /** The Rice parameter (4 bits), then every value: quotient in unary, remainder in that many bits. */
    private static void writeRice(BitWriter out, int[] values) {
        int r = bestRice(values);
        out.write(r, RICE_BITS);
        for (int v : values) {
            for (int q = v >>> r; q > 0; q--) out.write(1, 1);
            out.write(0, 1);
            out.write(v & ((1 << r) - 1), r);
        }
    }

    private static long riceBits(int[] values, int r) {
        long bits = RICE_BITS;
        for (int v : values) bits += (v >>> r) + 1 + r;
        return bits;
    }

    private static int bestRice(int[] values) {
        int best = 0;
        for (int r = 1; r < (1 << RICE_BITS); r++) if (riceBits(values, r) < riceBits(values, best)) best = r;
        return best;
    }

    private static int code(int bits) {
        return bits == CompressionPlan.FLOAT_BITS ? FLOAT_CODE : bits - 1;
    }

    private static int bits(int code, int layer) throws KwFormatException {
        if (code == FLOAT_CODE) return CompressionPlan.FLOAT_BITS;
        if (code < 0 || code > 7) throw new KwFormatException("layer " + layer + ": weight-bits code " + code + " is not 0..8");
        return code + 1;
    }
}
