package kernelwise.models.data;

import java.util.Arrays;

/**
 * The content of one IDX file of unsigned bytes: its magic number, its dimensions and its data in row-major order.
 *
 * @param magic the magic number (0x00000803 for images [n, rows, cols], 0x00000801 for labels [n])
 * @param dims  the dimensions, as many as the magic's last byte says
 * @param data  the values, {@code product(dims)} bytes (read as unsigned)
 */
public record Idx(int magic, int[] dims, byte[] data) {
    /** Magic number of an IDX file of unsigned bytes with three dimensions (images). */
    public static final int IMAGES = 0x00000803;
    /** Magic number of an IDX file of unsigned bytes with one dimension (labels). */
    public static final int LABELS = 0x00000801;

    public Idx {
        if ((magic & 0xFFFFFF00) != 0x00000800) {
            throw new IllegalArgumentException("magic must be 0x000008nn (unsigned bytes), found " + hex(magic));
        }
        if (dims == null || dims.length != (magic & 0xFF)) {
            throw new IllegalArgumentException("magic " + hex(magic) + " needs " + (magic & 0xFF) + " dimensions, found "
                    + (dims == null ? "none" : Arrays.toString(dims)));
        }
        if (data == null || data.length != count(dims)) {
            throw new IllegalArgumentException("data must hold " + count(dims) + " bytes, found "
                    + (data == null ? "none" : data.length));
        }
        dims = dims.clone();
    }

    /** The first dimension: the number of items. */
    public int items() {
        return dims[0];
    }

    /** The number of bytes per item (the product of all dimensions but the first). */
    public int itemSize() {
        return (int) (count(dims) / Math.max(1, dims[0]));
    }

    @Override
    public int[] dims() {
        return dims.clone();
    }

    static long count(int[] dims) {
        long n = 1;
        for (int d : dims) n *= d;
        return n;
    }

    static String hex(int magic) {
        return String.format("0x%08X", magic);
    }
}
