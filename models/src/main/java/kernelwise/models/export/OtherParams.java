package kernelwise.models.export;

import org.deeplearning4j.nn.api.Model;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The parameters of a network that no plan compresses, in parameter-table order: biases ({@code *_b}) as int8
 * with one scale a tensor ({@code max|b| / 127}), the rest (batch norm statistics and affine) as float32. The
 * bias of a kernel the plan removes is not stored: it is zero.
 */
final class OtherParams {
    static final String BIAS_SUFFIX = "_b";
    private static final int LEVELS = 127;

    private OtherParams() {
    }

    /** The packed bytes and the scale of every bias tensor, in order. */
    record Packed(byte[] bytes, float[] biasScales) {
    }

    /**
     * @param skip    parameters stored elsewhere (the compressible layers' weights)
     * @param removed per bias key, the kernels whose bias is zero and not stored
     */
    static Packed pack(Model model, Set<String> skip, Map<String, boolean[]> removed) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<Float> scales = new ArrayList<>();
        for (Map.Entry<String, INDArray> e : model.paramTable().entrySet()) {
            if (skip.contains(e.getKey())) continue;
            INDArray v = e.getValue().dup('c').reshape(-1).castTo(DataType.FLOAT);
            if (e.getKey().endsWith(BIAS_SUFFIX)) {
                boolean[] gone = removed.get(e.getKey());
                float[] b = v.toFloatVector();
                float max = 0f;
                for (int i = 0; i < b.length; i++) if (gone == null || !gone[i]) max = Math.max(max, Math.abs(b[i]));
                float scale = max / LEVELS;
                scales.add(scale);
                int[] q = Transforms.round(v.div(scale > 0 ? scale : 1f), false).toIntVector();
                for (int i = 0; i < q.length; i++) if (gone == null || !gone[i]) out.write(q[i]);
            } else {
                ByteBuffer b = ByteBuffer.allocate(4 * (int) v.length());
                b.asFloatBuffer().put(v.toFloatVector());
                out.writeBytes(b.array());
            }
        }
        float[] s = new float[scales.size()];
        for (int i = 0; i < s.length; i++) s[i] = scales.get(i);
        return new Packed(out.toByteArray(), s);
    }

    static void unpack(Model net, Set<String> skip, Map<String, boolean[]> removed, ByteBuffer in, float[] biasScales) throws KwFormatException {
        int bias = 0;
        for (Map.Entry<String, INDArray> e : net.paramTable().entrySet()) {
            if (skip.contains(e.getKey())) continue;
            INDArray p = e.getValue();
            int n = (int) p.length();
            float[] v = new float[n];
            if (e.getKey().endsWith(BIAS_SUFFIX)) {
                if (bias >= biasScales.length) throw new KwFormatException("parameter " + e.getKey() + " has no bias scale in the header");
                boolean[] gone = removed.get(e.getKey());
                if (gone != null && gone.length != n) throw new KwFormatException("parameter " + e.getKey() + " has " + n + " entries, the plan " + gone.length + " kernels");
                int stored = n;
                if (gone != null) for (boolean g : gone) if (g) stored--;
                if (in.remaining() < stored) throw new KwFormatException("parameter " + e.getKey() + " needs " + stored + " bytes, " + in.remaining() + " left");
                float scale = biasScales[bias++];
                for (int i = 0; i < n; i++) v[i] = gone != null && gone[i] ? 0f : in.get() * scale;
            } else {
                if (in.remaining() < 4L * n) throw new KwFormatException("parameter " + e.getKey() + " needs " + 4L * n + " bytes, " + in.remaining() + " left");
                in.asFloatBuffer().get(v);
                in.position(in.position() + 4 * n);
            }
            p.assign(Nd4j.createFromArray(v).reshape('c', p.shape()));
        }
        if (in.remaining() != 0) throw new KwFormatException(in.remaining() + " parameter bytes left over: the configuration does not match");
        if (bias != biasScales.length) throw new KwFormatException("header has " + biasScales.length + " bias scales, the network " + bias + " biases");
    }
}
