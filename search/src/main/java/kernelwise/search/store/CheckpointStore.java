package kernelwise.search.store;

import org.mapdb.DB;
import org.mapdb.HTreeMap;
import org.mapdb.Serializer;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The agent checkpoints of a {@link RunStore}'s runs: one per run (the last), stored as content-defined chunks
 * ({@link ContentChunks}), so that a checkpoint writes only the chunks not byte-for-byte in the run's previous one.
 * Writes join the run store's open transaction; after a rollback {@link #forget} drops what this object cached.
 */
final class CheckpointStore {
    private final HTreeMap<String, byte[]> chunks;
    private final HTreeMap<String, byte[]> manifests;
    private final HTreeMap<String, Long> nextId;
    private final HTreeMap<String, Long> episodesAt;
    private final Map<String, Cached> cache = new HashMap<>();

    CheckpointStore(DB db, boolean readOnly) {
        chunks = RunStore.map(db, "checkpointChunks", Serializer.STRING, Serializer.BYTE_ARRAY, readOnly);
        episodesAt = RunStore.map(db, "checkpointAt", Serializer.STRING, Serializer.LONG, readOnly);
        manifests = RunStore.map(db, "checkpointManifest", Serializer.STRING, Serializer.BYTE_ARRAY, readOnly);
        nextId = RunStore.map(db, "checkpointNextId", Serializer.STRING, Serializer.LONG, readOnly);
    }

    /** The run's last checkpoint, if it has one. */
    Optional<RunStore.Checkpoint> latest(String run) {
        Long at = episodesAt.get(run);
        if (at == null) return Optional.empty();
        return Optional.of(new RunStore.Checkpoint(at, cached(run).state().clone()));
    }

    /**
     * Writes {@code state} as the run's checkpoint after {@code episodes} episodes, within the caller's transaction,
     * keeping a reference to it (the caller must not change it). Returns the bytes actually written.
     */
    long write(String run, byte[] state, long episodes) {
        Cached prev = cached(run);
        Map<Long, List<Integer>> prevByHash = new HashMap<>();
        for (int j = 0; prev != null && j < prev.chunks().size(); j++) {
            prevByHash.computeIfAbsent(prev.chunks().get(j).hash(), h -> new ArrayList<>()).add(j);
        }
        List<ContentChunks.Chunk> cut = ContentChunks.cut(state);
        long[] ids = new long[cut.size()];
        long next = nextId.getOrDefault(run, 0L);
        long written = 0;
        for (int i = 0; i < cut.size(); i++) {
            ContentChunks.Chunk c = cut.get(i);
            ids[i] = prev == null ? -1 : sameChunk(prev, prevByHash, state, c);
            if (ids[i] < 0) {
                ids[i] = next++;
                chunks.put(key(run, ids[i]), Arrays.copyOfRange(state, c.offset(), c.offset() + c.length()));
                written += c.length();
            }
        }
        Set<Long> kept = new HashSet<>();
        for (long id : ids) kept.add(id);
        for (int j = 0; prev != null && j < prev.ids().length; j++) {
            if (!kept.contains(prev.ids()[j])) chunks.remove(key(run, prev.ids()[j]));
        }
        manifests.put(run, manifest(ids, cut));
        nextId.put(run, next);
        episodesAt.put(run, episodes);
        cache.put(run, new Cached(state, cut, ids));
        return written;
    }

    /** Reads every checkpoint record once (see {@link RunStore}'s verify). */
    void verify() {
        for (HTreeMap<String, ?> m : List.of(chunks, manifests, nextId, episodesAt)) {
            for (var e : m.entrySet()) {
                if (e.getValue() == null) throw new IllegalStateException("checkpoint record '" + e.getKey() + "' has no value");
            }
        }
    }

    /** Drops what is cached of {@code run} (after a rolled-back write). */
    void forget(String run) {
        cache.remove(run);
    }

    /** The id of a chunk of {@code prev} holding exactly the bytes of {@code c}, or -1. */
    private static long sameChunk(Cached prev, Map<Long, List<Integer>> prevByHash, byte[] state, ContentChunks.Chunk c) {
        for (int j : prevByHash.getOrDefault(c.hash(), List.of())) {
            ContentChunks.Chunk p = prev.chunks().get(j);
            if (p.length() == c.length() && Arrays.equals(state, c.offset(), c.offset() + c.length(), prev.state(), p.offset(), p.offset() + p.length())) {
                return prev.ids()[j];
            }
        }
        return -1;
    }

    /** The run's last checkpoint with its chunking, from memory or read from the file; null if it has none. */
    private Cached cached(String run) {
        Cached c = cache.get(run);
        if (c != null || !episodesAt.containsKey(run)) return c;
        ByteBuffer m = ByteBuffer.wrap(manifests.get(run));
        int n = m.getInt();
        long[] ids = new long[n];
        int[] lengths = new int[n];
        int total = 0;
        for (int i = 0; i < n; i++) {
            ids[i] = m.getLong();
            lengths[i] = m.getInt();
            total += lengths[i];
        }
        byte[] state = new byte[total];
        List<ContentChunks.Chunk> parts = new ArrayList<>(n);
        for (int i = 0, off = 0; i < n; off += lengths[i], i++) {
            byte[] b = chunks.get(key(run, ids[i]));
            if (b == null || b.length != lengths[i]) throw new IllegalStateException("checkpoint of run " + run + " misses chunk " + ids[i]);
            System.arraycopy(b, 0, state, off, b.length);
            parts.add(new ContentChunks.Chunk(off, b.length, ContentChunks.hash(state, off, b.length)));
        }
        c = new Cached(state, parts, ids);
        cache.put(run, c);
        return c;
    }

    private static byte[] manifest(long[] ids, List<ContentChunks.Chunk> chunks) {
        ByteBuffer b = ByteBuffer.allocate(4 + 12 * ids.length);
        b.putInt(ids.length);
        for (int i = 0; i < ids.length; i++) b.putLong(ids[i]).putInt(chunks.get(i).length());
        return b.array();
    }

    private static String key(String run, long id) {
        return run + '/' + id;
    }

    /** A checkpoint as last written, kept to find the chunks the next one shares with it. */
    private record Cached(byte[] state, List<ContentChunks.Chunk> chunks, long[] ids) {
    }
}
