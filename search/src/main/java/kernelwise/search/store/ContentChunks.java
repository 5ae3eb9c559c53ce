package kernelwise.search.store;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Content-defined chunking: cuts a byte array where a rolling (gear) hash of the last bytes hits a pattern, so that
 * bytes inserted or appended in one place move only the boundaries near them. Two agent states that differ in a
 * few regions (networks rewritten, replay buffers grown in the middle and at the end) then share most chunks,
 * whatever the layout of the agent's serialization.
 */
final class ContentChunks {
    /** No cut in a chunk's first 48 KiB: those bytes are not even hashed, which halves the scan. */
    static final int MIN = 48 * 1024;
    static final int MAX = 512 * 1024;
    /** Cut when the low 16 bits of the gear hash are zero: chunks of about 64 KiB past the minimum. */
    private static final long MASK = (1L << 16) - 1;
    private static final long[] GEAR = new SplittableRandom(0x4B57).longs(256).toArray();
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /** One chunk of a byte array. */
    record Chunk(int offset, int length, long hash) {
    }

    private ContentChunks() {
    }

    /** The chunks of {@code data}, in order, covering it exactly. */
    static List<Chunk> cut(byte[] data) {
        List<Chunk> chunks = new ArrayList<>();
        int start = 0;
        while (start < data.length) {
            int end = boundary(data, start);
            chunks.add(new Chunk(start, end - start, hash(data, start, end - start)));
            start = end;
        }
        return chunks;
    }

    private static int boundary(byte[] data, int start) {
        int limit = Math.min(data.length, start + MAX);
        if (limit - start <= MIN) return limit;
        long h = 0;
        for (int i = start + MIN; i < limit; i++) {
            h = (h << 1) + GEAR[data[i] & 0xFF];
            if ((h & MASK) == 0) return i + 1;
        }
        return limit;
    }

    /** A 64-bit hash for finding candidate equal chunks (equality is then checked byte by byte). */
    static long hash(byte[] d, int off, int len) {
        long h = 0x9E3779B97F4A7C15L ^ len;
        int i = off, end = off + len;
        for (; i + 8 <= end; i += 8) h = Long.rotateLeft(h ^ (long) LONGS.get(d, i), 29) * 0xBF58476D1CE4E5B9L;
        for (; i < end; i++) h = Long.rotateLeft(h ^ d[i], 13) * 0x94D049BB133111EBL;
        return h ^ (h >>> 31);
    }
}
