package kernelwise.models.export;

import kernelwise.models.compress.KernelProjection;
import kernelwise.models.compress.KernelStorage;
import kernelwise.models.plan.CompressionPlan;
import kernelwise.models.plan.LayerPlan;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * One compressible layer's packed payload, kernel after kernel in {@link KernelStorage}'s layout, padded to a
 * byte once at the end. Per kernel: a tag byte ({@code encoding << 6 | bits}, bits 63 meaning float), the scale
 * (float32) unless float or removed, the positions (bitmap of fanIn bits, or ascending indices of
 * {@code indexBits(fanIn)} bits) unless dense or removed, then the kept values: {@code b >= 2}: level + L as an
 * unsigned b-bit number; {@code b = 1}: 1 for negative; float: the raw float32 bits.
 * The levels and positions are computed with ND4J array operations; writing them into the bit stream is the one
 * loop over weights, as serialization is.
 */
final class LayerCodec {
    private static final int FLOAT_TAG = 63;

    private LayerCodec() {
    }

    /** Packs {@code weights} ({@code [kernels, fanIn]}, float) as projected onto {@code plan}. */
    static byte[] encode(INDArray weights, LayerPlan plan) {
        KernelProjection.Result r = KernelProjection.project(weights, plan);
        int fanIn = (int) weights.columns();
        INDArray scales = r.scales();
        INDArray safe = scales.add(scales.eq(0).castTo(DataType.FLOAT)).reshape(scales.length(), 1);
        int[][] levels = Transforms.round(r.weights().divColumnVector(safe), false).toIntMatrix();
        int[][] mask = r.mask().toIntMatrix();
        float[][] values = r.weights().toFloatMatrix();
        float[] scale = scales.toFloatVector();
        BitWriter out = new BitWriter();
        for (int k = 0; k < plan.kernels(); k++) {
            int bits = plan.weightBits(k);
            int kept = plan.keptWeights(k, fanIn);
            KernelStorage.Encoding e = KernelStorage.encoding(fanIn, kept);
            long start = out.bits();
            out.write((long) e.ordinal() << 6 | (bits == CompressionPlan.FLOAT_BITS ? FLOAT_TAG : bits), KernelStorage.TAG_BITS);
            if (e != KernelStorage.Encoding.REMOVED) {
                if (bits != CompressionPlan.FLOAT_BITS) out.write(Float.floatToRawIntBits(scale[k]) & 0xFFFFFFFFL, KernelStorage.SCALE_BITS);
                writePositions(out, e, mask[k], fanIn);
                writeValues(out, bits, mask[k], levels[k], values[k]);
            }
            if (out.bits() - start != KernelStorage.bits(fanIn, kept, bits)) {
                throw new IllegalStateException("kernel " + k + " of " + plan.layer() + " took " + (out.bits() - start) + " bits, KernelStorage says "
                        + KernelStorage.bits(fanIn, kept, bits));
            }
        }
        return out.toByteArray();
    }

    private static void writePositions(BitWriter out, KernelStorage.Encoding e, int[] mask, int fanIn) {
        if (e == KernelStorage.Encoding.BITMAP) {
            for (int j = 0; j < fanIn; j++) out.write(mask[j], 1);
        } else if (e == KernelStorage.Encoding.INDEX_LIST) {
            int width = KernelStorage.indexBits(fanIn);
            for (int j = 0; j < fanIn; j++) if (mask[j] == 1) out.write(j, width);
        }
    }

    private static void writeValues(BitWriter out, int bits, int[] mask, int[] levels, float[] values) {
        int offset = bits >= 2 && bits != CompressionPlan.FLOAT_BITS ? (1 << (bits - 1)) - 1 : 0;
        for (int j = 0; j < mask.length; j++) {
            if (mask[j] == 0) continue;
            if (bits == CompressionPlan.FLOAT_BITS) out.write(Float.floatToRawIntBits(values[j]) & 0xFFFFFFFFL, 32);
            else if (bits == 1) out.write(values[j] < 0 ? 1 : 0, 1);
            else out.write(levels[j] + offset, bits);
        }
    }

    /** Unpacks a layer of {@code kernels x fanIn} weights; the plan must be the one it was packed with. */
    static INDArray decode(byte[] payload, LayerPlan plan, int fanIn) throws KwFormatException {
        BitReader in = new BitReader(payload);
        float[][] w = new float[plan.kernels()][fanIn];
        for (int k = 0; k < plan.kernels(); k++) {
            int tag = (int) in.read(KernelStorage.TAG_BITS);
            int bits = tag & 63;
            int encoding = tag >>> 6;
            int expectedBits = plan.weightBits(k) == CompressionPlan.FLOAT_BITS ? FLOAT_TAG : plan.weightBits(k);
            int kept = plan.keptWeights(k, fanIn);
            if (bits != expectedBits || encoding != KernelStorage.encoding(fanIn, kept).ordinal()) {
                throw new KwFormatException("layer " + plan.layer() + " kernel " + k + ": tag " + tag + " does not match the plan (corrupt file)");
            }
            KernelStorage.Encoding e = KernelStorage.Encoding.values()[encoding];
            if (e == KernelStorage.Encoding.REMOVED) continue;
            int b = plan.weightBits(k);
            float scale = b == CompressionPlan.FLOAT_BITS ? 0f : Float.intBitsToFloat((int) in.read(KernelStorage.SCALE_BITS));
            int[] positions = readPositions(in, e, fanIn, kept, plan.layer(), k);
            int offset = b >= 2 && b != CompressionPlan.FLOAT_BITS ? (1 << (b - 1)) - 1 : 0;
            for (int p : positions) {
                long v = in.read(b);
                if (b == CompressionPlan.FLOAT_BITS) w[k][p] = Float.intBitsToFloat((int) v);
                else if (b == 1) w[k][p] = v == 1 ? -scale : scale;
                else w[k][p] = (float) (v - offset) * scale;
            }
        }
        return Nd4j.createFromArray(w);
    }

    private static int[] readPositions(BitReader in, KernelStorage.Encoding e, int fanIn, int kept, String layer, int k) throws KwFormatException {
        int[] positions = new int[kept];
        if (e == KernelStorage.Encoding.DENSE) {
            for (int j = 0; j < fanIn; j++) positions[j] = j;
            return positions;
        }
        int n = 0;
        if (e == KernelStorage.Encoding.BITMAP) {
            for (int j = 0; j < fanIn; j++) {
                if (in.read(1) == 1) {
                    if (n == kept) throw new KwFormatException("layer " + layer + " kernel " + k + ": bitmap has more than " + kept + " kept weights (corrupt file)");
                    positions[n++] = j;
                }
            }
        } else {
            int width = KernelStorage.indexBits(fanIn);
            for (; n < kept; n++) {
                positions[n] = (int) in.read(width);
                if (positions[n] >= fanIn) throw new KwFormatException("layer " + layer + " kernel " + k + ": index " + positions[n] + " out of range (corrupt file)");
            }
        }
        if (n != kept) throw new KwFormatException("layer " + layer + " kernel " + k + ": " + n + " kept weights, plan says " + kept + " (corrupt file)");
        return positions;
    }
}
