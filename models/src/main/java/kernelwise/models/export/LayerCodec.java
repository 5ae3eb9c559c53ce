package kernelwise.models.export;

import kernelwise.models.compress.KernelProjection;
import kernelwise.models.compress.KernelStorage;
import kernelwise.models.compress.ScaleCode;
import kernelwise.models.compress.SubsetCode;
import kernelwise.models.plan.CompressionPlan;
import kernelwise.models.plan.LayerPlan;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.math.BigInteger;

/**
 * One compressible layer's packed payload, kernel after kernel in {@link KernelStorage}'s layout, padded to a
 * byte once at the end. The plan (in the file's header) gives every kernel's bits and kept count, so nothing
 * about them is repeated here. Per kernel that is not removed: the scale's {@link ScaleCode} (quantized kernels),
 * the rank of the kept positions ({@link SubsetCode}, unless dense), then the kept values: {@code b >= 2}:
 * {@link KernelProjection#code} as an unsigned b-bit number (mid-rise for pruned kernels, mid-tread for dense ones);
 * {@code b = 1}: 1 for negative; float: the raw float32 bits.
 * The projection is {@link KernelProjection}'s; writing codes and positions into the bit stream is the one loop
 * over weights, as serialization is.
 */
final class LayerCodec {

    private LayerCodec() {
    }

    /** A packed layer: its bytes and the reference of its scale grid (stored in the header). */
    record Packed(byte[] bytes, float scaleReference) {
    }

    /** Packs {@code weights} ({@code [kernels, fanIn]}, float) as projected onto {@code plan}. */
    static Packed encode(INDArray weights, LayerPlan plan) {
        KernelProjection.Result r = KernelProjection.project(weights, plan);
        int fanIn = (int) weights.columns();
        INDArray scales = r.scales();
        float reference = KernelProjection.reference(scales);
        int[][] mask = r.mask().toIntMatrix();
        float[][] values = r.weights().toFloatMatrix();
        float[] scale = scales.toFloatVector();
        BitWriter out = new BitWriter();
        for (int k = 0; k < plan.kernels(); k++) {
            int bits = plan.weightBits(k);
            int kept = plan.keptWeights(k, fanIn);
            if (kept == 0) continue;
            long start = out.bits();
            if (bits != CompressionPlan.FLOAT_BITS) out.write(ScaleCode.code(reference, scale[k]), ScaleCode.BITS);
            if (kept < fanIn) out.write(SubsetCode.rank(mask[k]), SubsetCode.bits(fanIn, kept));
            writeValues(out, bits, KernelProjection.midRise(bits, kept, fanIn), mask[k], scale[k], values[k]);
            if (out.bits() - start != KernelStorage.bits(fanIn, kept, bits)) {
                throw new IllegalStateException("kernel " + k + " of " + plan.layer() + " took " + (out.bits() - start) + " bits, KernelStorage says "
                        + KernelStorage.bits(fanIn, kept, bits));
            }
        }
        return new Packed(out.toByteArray(), reference);
    }

    private static void writeValues(BitWriter out, int bits, boolean midRise, int[] mask, float scale, float[] values) {
        for (int j = 0; j < mask.length; j++) {
            if (mask[j] == 0) continue;
            if (bits == CompressionPlan.FLOAT_BITS) out.write(Float.floatToRawIntBits(values[j]) & 0xFFFFFFFFL, 32);
            else if (bits == 1) out.write(values[j] < 0 ? 1 : 0, 1);
            else out.write(scale > 0 ? KernelProjection.code(values[j], scale, bits, midRise) : KernelProjection.code(0f, 1f, bits, midRise), bits);
        }
    }

    /** Unpacks a layer of {@code kernels x fanIn} weights; the plan and reference must be the ones it was packed with. */
    static INDArray decode(byte[] payload, LayerPlan plan, int fanIn, float reference) throws KwFormatException {
        BitReader in = new BitReader(payload);
        float[][] w = new float[plan.kernels()][fanIn];
        for (int k = 0; k < plan.kernels(); k++) {
            int b = plan.weightBits(k);
            int kept = plan.keptWeights(k, fanIn);
            if (kept == 0) continue;
            float scale = b == CompressionPlan.FLOAT_BITS ? 0f : ScaleCode.value(reference, (int) in.read(ScaleCode.BITS));
            int[] positions = readPositions(in, fanIn, kept, plan.layer(), k);
            boolean midRise = KernelProjection.midRise(b, kept, fanIn);
            for (int p : positions) {
                long v = in.read(b);
                if (b == CompressionPlan.FLOAT_BITS) w[k][p] = Float.intBitsToFloat((int) v);
                else if (b == 1) w[k][p] = v == 1 ? -scale : scale;
                else if (v > KernelProjection.maxCode(b, midRise)) {
                    throw new KwFormatException("layer " + plan.layer() + " kernel " + k + ": level " + v + " above " + KernelProjection.maxCode(b, midRise) + " (corrupt file)");
                }
                else w[k][p] = KernelProjection.value((int) v, scale, b, midRise);
            }
        }
        if (8L * payload.length - in.position() >= 8) {
            throw new KwFormatException("layer " + plan.layer() + ": " + (payload.length - (in.position() + 7) / 8) + " bytes left over after the last kernel (corrupt file)");
        }
        return Nd4j.createFromArray(w);
    }

    private static int[] readPositions(BitReader in, int fanIn, int kept, String layer, int k) throws KwFormatException {
        if (kept == fanIn) {
            int[] all = new int[fanIn];
            for (int j = 0; j < fanIn; j++) all[j] = j;
            return all;
        }
        BigInteger rank = in.readBig(SubsetCode.bits(fanIn, kept));
        try {
            return SubsetCode.unrank(rank, fanIn, kept);
        } catch (IllegalArgumentException e) {
            throw new KwFormatException("layer " + layer + " kernel " + k + ": positions " + e.getMessage() + " (corrupt file)");
        }
    }
}
