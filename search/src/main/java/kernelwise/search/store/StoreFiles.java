package kernelwise.search.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What can be told of a store file from its first bytes, without opening it: whether it is a MapDB file at all, and
 * whether it is as long as its header says (MapDB 3.1 records the file's length, its "file tail", at byte 40 of
 * the header, with 16 bits of checksum in the low bits; a file cut short is otherwise read as something else: an
 * empty store, a random index error, or grown back with zeros by the next write).
 */
public final class StoreFiles {
    /** Bytes of the header read here. */
    static final int HEADER_BYTES = 64;
    private static final long FILE_TAIL_OFFSET = 40;
    private static final Pattern WAL = Pattern.compile("(.+)\\.wal\\.\\d+");

    private StoreFiles() {
    }

    /** Whether {@code file} begins like a MapDB store (MapDB's header byte, then its format word). */
    public static boolean isStore(Path file) {
        if (!Files.isRegularFile(file)) return false;
        try {
            ByteBuffer h = header(file);
            return h.limit() >= 16 && looksLikeMapDb(h);
        } catch (IOException unreadable) {
            return false;
        }
    }

    /** Whether {@code file} is a store or one of a store's write-ahead log files ({@code FILE.wal.N}). */
    public static boolean isStoreOrLog(Path file) {
        if (isStore(file)) return true;
        Path name = file.getFileName();
        if (name == null) return false;
        Matcher m = WAL.matcher(name.toString());
        return m.matches() && isStore(file.resolveSibling(m.group(1)));
    }

    /** The store's write-ahead log files present beside it (committed work a crash left unapplied). */
    public static List<Path> logs(Path file) throws IOException {
        List<Path> out = new ArrayList<>();
        Path dir = file.toAbsolutePath().getParent();
        String prefix = file.getFileName() + ".wal.";
        try (var in = Files.list(dir)) {
            in.filter(p -> p.getFileName().toString().startsWith(prefix)).sorted().forEach(out::add);
        }
        return out;
    }

    /**
     * The length the header records, or -1 if the file is too short to hold a header.
     */
    public static long recordedLength(Path file) throws IOException {
        ByteBuffer h = header(file);
        if (h.limit() < HEADER_BYTES) return -1;
        return h.getLong((int) FILE_TAIL_OFFSET) & ~0xFFFFL;
    }

    /**
     * Refuses a file that cannot be a whole store: empty, shorter than a header, not a MapDB file, or shorter than its
     * header records (only when no write-ahead log is beside it, as MapDB completes the file from its log).
     *
     * @throws StoreException (CORRUPT) naming the file and what is wrong
     */
    public static void checkWhole(Path file) throws IOException {
        String problem = problem(file);
        if (problem != null) throw new StoreException(StoreException.Reason.CORRUPT, file + " is not a readable kernelwise store: " + problem, null);
    }

    /** What is wrong with the file's header or length, or null if nothing is. */
    public static String problem(Path file) throws IOException {
        long size = Files.size(file);
        if (size == 0) return "the file is empty";
        ByteBuffer h = header(file);
        if (h.get(0) != 0x4A) return "the file does not begin with a MapDB header (it is some other file)";
        if (h.limit() < HEADER_BYTES) return "the file is " + size + " bytes, shorter than a store's header";
        if (!looksLikeMapDb(h)) return "the file does not begin with a MapDB header (it is some other file)";
        long recorded = recordedLength(file);
        if (size < recorded && logs(file).isEmpty()) {
            return String.format(Locale.ROOT, "the file is truncated: %,d bytes of the %,d its header records", size, recorded);
        }
        return null;
    }

    private static boolean looksLikeMapDb(ByteBuffer h) {
        if (h.get(0) != 0x4A) return false;
        for (int i = 2; i < 8; i++) if (h.get(i) != 0) return false;
        return h.getLong(8) == 1;
    }

    private static ByteBuffer header(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer b = ByteBuffer.allocate(HEADER_BYTES);
            while (b.hasRemaining() && ch.read(b) > 0) {
                // fill the header
            }
            b.flip();
            return b;
        }
    }
}
