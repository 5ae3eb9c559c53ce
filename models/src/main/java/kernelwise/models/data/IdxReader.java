package kernelwise.models.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/** Reads IDX files of unsigned bytes, raw or gzipped (by the {@code .gz} suffix), checking magic and length. */
public final class IdxReader {
    private static final int MAX_DIM = 1 << 28;

    private IdxReader() {
    }

    /** Reads an image file: magic 0x00000803, dimensions [n, rows, cols]. */
    public static Idx readImages(Path file) throws IOException {
        return read(file, Idx.IMAGES);
    }

    /** Reads a label file: magic 0x00000801, dimensions [n]. */
    public static Idx readLabels(Path file) throws IOException {
        return read(file, Idx.LABELS);
    }

    /** Reads {@code file}, which must carry {@code expectedMagic} and exactly the bytes its header announces. */
    public static Idx read(Path file, int expectedMagic) throws IOException {
        return read(file, expectedMagic, expectedMagic);
    }

    /**
     * Reads an IDX file of unsigned bytes with any number of dimensions from 1 to 4 ({@code N}, {@code N x F},
     * {@code N x H x W}, {@code N x H x W x C}).
     */
    public static Idx readAny(Path file) throws IOException {
        return read(file, 0x00000801, 0x00000804);
    }

    private static Idx read(Path file, int minMagic, int maxMagic) throws IOException {
        try (DataInputStream in = new DataInputStream(open(file))) {
            int magic = readHeaderInt(in, file, "a 4-byte magic number");
            if (magic < minMagic || magic > maxMagic) {
                String want = minMagic == maxMagic ? "magic " + Idx.hex(minMagic)
                        : "magic " + Idx.hex(minMagic) + ".." + Idx.hex(maxMagic) + " (unsigned bytes, 1 to 4 dimensions)";
                throw new IdxFormatException(file, want, "magic " + Idx.hex(magic));
            }
            int[] dims = new int[magic & 0xFF];
            for (int i = 0; i < dims.length; i++) {
                dims[i] = readHeaderInt(in, file, dims.length + " dimension sizes");
                if (dims[i] < 0 || dims[i] > MAX_DIM) {
                    throw new IdxFormatException(file, "dimension sizes in 0.." + MAX_DIM, Arrays.toString(dims));
                }
            }
            return new Idx(magic, dims, readBody(in, file, dims));
        } catch (ZipException | EOFException e) {
            throw new IdxFormatException(file, "a complete gzip stream", "a damaged one (" + e.getMessage() + ")");
        }
    }

    private static InputStream open(Path file) throws IOException {
        InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        return file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
    }

    private static int readHeaderInt(DataInputStream in, Path file, String what) throws IOException {
        try {
            return in.readInt();
        } catch (EOFException e) {
            throw new IdxFormatException(file, what, "end of file");
        }
    }

    private static byte[] readBody(InputStream in, Path file, int[] dims) throws IOException {
        long expected = Idx.count(dims);
        if (expected > Integer.MAX_VALUE - 16) {
            throw new IdxFormatException(file, "at most " + (Integer.MAX_VALUE - 16) + " data bytes", expected + " (dims " + Arrays.toString(dims) + ")");
        }
        byte[] data = in.readNBytes((int) expected);
        if (data.length < expected) {
            throw new IdxFormatException(file, expected + " data bytes for dims " + Arrays.toString(dims), data.length + " (truncated)");
        }
        long extra = in.skip(Long.MAX_VALUE);
        if (extra > 0 || in.read() >= 0) {
            throw new IdxFormatException(file, expected + " data bytes for dims " + Arrays.toString(dims), "more (trailing bytes)");
        }
        return data;
    }
}
