package kernelwise.models.data;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;

/** Writes NumPy {@code .npy} files (format 1.0, C order): float32 or int64 arrays. */
public final class NpyWriter {
    private NpyWriter() {
    }

    /** A {@code <f4} array of {@code shape}. */
    public static void floats(Path file, float[] values, int... shape) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) b.putFloat(v);
        write(file, "<f4", shape, b.array());
    }

    /** A {@code <i8} array of {@code shape}. */
    public static void longs(Path file, long[] values, int... shape) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (long v : values) b.putLong(v);
        write(file, "<i8", shape, b.array());
    }

    /** Any dtype, given the raw little-endian bytes (for tests of refused dtypes, too). */
    public static void write(Path file, String dtype, int[] shape, byte[] body) throws IOException {
        String dims = Arrays.stream(shape).mapToObj(Integer::toString).collect(Collectors.joining(", "));
        if (shape.length == 1) dims += ",";
        StringBuilder h = new StringBuilder("{'descr': '" + dtype + "', 'fortran_order': False, 'shape': (" + dims + "), }");
        while ((10 + h.length() + 1) % 64 != 0) h.append(' ');
        h.append('\n');
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16))) {
            out.write(new byte[]{(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
            out.writeShort(Short.reverseBytes((short) h.length()));
            out.write(h.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
        }
    }
}
