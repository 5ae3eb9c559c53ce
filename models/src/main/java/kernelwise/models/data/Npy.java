package kernelwise.models.data;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A NumPy {@code .npy} array (format versions 1 to 3) read as doubles in C order. Supported dtypes: booleans,
 * signed and unsigned integers of 1 to 8 bytes, floats of 4 and 8 bytes, little- or big-endian; a Fortran-order
 * array is reordered. Anything else (complex, strings, objects, structured dtypes) is refused naming the dtype.
 *
 * @param file   the file read
 * @param dtype  the NumPy type string, e.g. {@code <f4}
 * @param shape  the dimensions
 * @param values the values, C order
 */
record Npy(Path file, String dtype, int[] shape, double[] values) {

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern ORDER = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    /** Whether the dtype is a whole-number type. */
    boolean integral() {
        char k = dtype.charAt(1);
        return k == 'i' || k == 'u' || k == 'b';
    }

    static Npy read(Path file) throws IOException {
        try (DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            byte[] magic = in.readNBytes(6);
            if (!Arrays.equals(magic, MAGIC)) throw new DataFormatException(file, null, "a NumPy .npy file (magic \\x93NUMPY)", "other bytes");
            int major = in.readUnsignedByte();
            in.readUnsignedByte();
            if (major < 1 || major > 3) throw new DataFormatException(file, null, ".npy format version 1 to 3", major);
            int headerLength = major == 1 ? Short.toUnsignedInt(Short.reverseBytes(in.readShort())) : Integer.reverseBytes(in.readInt());
            String header = new String(in.readNBytes(headerLength), major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
            String dtype = field(file, DESCR, header, "descr");
            boolean fortran = "True".equals(field(file, ORDER, header, "fortran_order"));
            int[] shape = shape(file, field(file, SHAPE, header, "shape"));
            int size = size(dtype, file);
            long count = 1;
            for (int d : shape) count *= d;
            if (count * size > Integer.MAX_VALUE - 16) throw new DataFormatException(file, null, "at most 2 GB of data", count * size + " bytes");
            byte[] body = in.readNBytes((int) (count * size));
            if (body.length < count * size) throw new DataFormatException(file, null, count * size + " data bytes for shape " + Arrays.toString(shape), body.length + " (truncated)");
            double[] values = decode(body, dtype, (int) count);
            return new Npy(file, dtype, shape, fortran ? cOrder(values, shape) : values);
        } catch (EOFException e) {
            throw new DataFormatException(file, null, "a complete .npy header", "end of file");
        }
    }

    private static String field(Path file, Pattern p, String header, String name) throws DataFormatException {
        Matcher m = p.matcher(header);
        if (!m.find()) throw new DataFormatException(file, "header", "a '" + name + "' entry", header.trim());
        return m.group(1);
    }

    private static int[] shape(Path file, String text) throws DataFormatException {
        String[] parts = Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toArray(String[]::new);
        int[] s = new int[parts.length];
        for (int i = 0; i < s.length; i++) {
            try {
                s[i] = Integer.parseInt(parts[i].replaceAll("L$", ""));
            } catch (NumberFormatException e) {
                throw new DataFormatException(file, "header", "a shape of whole numbers", "(" + text + ")");
            }
        }
        return s;
    }

    /** Bytes per value, refusing a dtype this reader does not take. */
    private static int size(String dtype, Path file) throws DataFormatException {
        if (dtype.length() >= 3 && "<>|=".indexOf(dtype.charAt(0)) >= 0) {
            char kind = dtype.charAt(1);
            String bytes = dtype.substring(2);
            boolean ok = switch (kind) {
                case 'b' -> bytes.equals("1");
                case 'i', 'u' -> bytes.equals("1") || bytes.equals("2") || bytes.equals("4") || bytes.equals("8");
                case 'f' -> bytes.equals("4") || bytes.equals("8");
                default -> false;
            };
            if (ok) return Integer.parseInt(bytes);
        }
        throw new DataFormatException(file, "dtype", "bool, int8..int64, uint8..uint64, float32 or float64", "'" + dtype + "'");
    }

    private static double[] decode(byte[] body, String dtype, int count) {
        ByteBuffer b = ByteBuffer.wrap(body).order(dtype.charAt(0) == '>' ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        char kind = dtype.charAt(1);
        int size = Integer.parseInt(dtype.substring(2));
        double[] v = new double[count];
        for (int i = 0; i < count; i++) {
            v[i] = switch (kind) {
                case 'f' -> size == 4 ? b.getFloat() : b.getDouble();
                case 'u' -> switch (size) {
                    case 1 -> Byte.toUnsignedInt(b.get());
                    case 2 -> Short.toUnsignedInt(b.getShort());
                    case 4 -> Integer.toUnsignedLong(b.getInt());
                    default -> (double) b.getLong();
                };
                default -> switch (size) {
                    case 1 -> b.get();
                    case 2 -> b.getShort();
                    case 4 -> b.getInt();
                    default -> (double) b.getLong();
                };
            };
        }
        return v;
    }

    /** Fortran-order values reordered to C order. */
    private static double[] cOrder(double[] f, int[] shape) {
        double[] c = new double[f.length];
        int[] idx = new int[shape.length];
        for (int i = 0; i < f.length; i++) {
            int fi = 0, stride = 1;
            for (int d = 0; d < shape.length; d++) {
                fi += idx[d] * stride;
                stride *= shape[d];
            }
            c[i] = f[fi];
            for (int d = shape.length - 1; d >= 0; d--) {
                if (++idx[d] < shape[d]) break;
                idx[d] = 0;
            }
        }
        return c;
    }
}
