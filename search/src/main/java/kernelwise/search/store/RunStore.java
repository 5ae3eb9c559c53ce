package kernelwise.search.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.mapdb.DB;
import org.mapdb.DBException;
import org.mapdb.DBMaker;
import org.mapdb.HTreeMap;
import org.mapdb.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Many search runs in one MapDB file. Every change is one transaction: {@link #appendEpisode} writes the
 * episode, the agent checkpoint and the run's progress (best plan, Pareto fronts) and commits them together,
 * so a crash leaves either all of an episode or none of it. The file carries a schema version; a file from a
 * newer schema, or one opened by another process, is refused with a {@link StoreException}.
 * Not thread-safe: one search loop per store.
 */
public final class RunStore implements AutoCloseable {
    /** The schema this code writes and the newest it reads. */
    public static final int SCHEMA_VERSION = 1;
    static final String META = "kernelwise.meta";
    static final String SCHEMA_KEY = "schema";

    private static final Logger log = LoggerFactory.getLogger(RunStore.class);
    private static final ObjectMapper JSON = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Path file;
    private final DB db;
    private final HTreeMap<String, String> runs;
    private final HTreeMap<String, String> progress;
    private final HTreeMap<String, byte[]> episodes;
    private final HTreeMap<String, byte[]> checkpointChunks;
    private final HTreeMap<String, byte[]> checkpointManifest;
    private final HTreeMap<String, Long> checkpointNextId;
    private final HTreeMap<String, Long> checkpointAt;
    private final Map<String, CachedCheckpoint> lastCheckpoint = new HashMap<>();
    private double lastCommitSeconds;
    private long lastCheckpointBytesWritten;

    private RunStore(Path file, DB db) {
        this.file = file;
        this.db = db;
        this.runs = db.hashMap("runs", Serializer.STRING, Serializer.STRING).createOrOpen();
        this.progress = db.hashMap("progress", Serializer.STRING, Serializer.STRING).createOrOpen();
        this.episodes = db.hashMap("episodes", Serializer.STRING, Serializer.BYTE_ARRAY).createOrOpen();
        this.checkpointChunks = db.hashMap("checkpointChunks", Serializer.STRING, Serializer.BYTE_ARRAY).createOrOpen();
        this.checkpointAt = db.hashMap("checkpointAt", Serializer.STRING, Serializer.LONG).createOrOpen();
        this.checkpointManifest = db.hashMap("checkpointManifest", Serializer.STRING, Serializer.BYTE_ARRAY).createOrOpen();
        this.checkpointNextId = db.hashMap("checkpointNextId", Serializer.STRING, Serializer.LONG).createOrOpen();
    }

    /**
     * Opens (creating if missing) the store file.
     *
     * @throws StoreException if another process has it open, it was written by a newer schema, or it is not a store
     */
    public static RunStore open(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        DB db = openDb(file);
        try {
            checkSchema(file, db);
            RunStore store = new RunStore(file, db);
            db.commit();
            return store;
        } catch (IOException | RuntimeException e) {
            db.close();
            throw e;
        }
    }

    private static DB openDb(Path file) throws StoreException {
        try {
            return DBMaker.fileDB(file.toFile()).transactionEnable().make();
        } catch (DBException.FileLocked e) {
            throw new StoreException(StoreException.Reason.IN_USE, file + " is in use by another kernelwise process"
                    + " (a search may be running); wait for it to end or use another --store file", e);
        } catch (DBException e) {
            throw new StoreException(StoreException.Reason.CORRUPT, file + " is not a readable kernelwise store: " + e.getMessage(), e);
        }
    }

    private static void checkSchema(Path file, DB db) throws StoreException {
        HTreeMap<String, String> meta = db.hashMap(META, Serializer.STRING, Serializer.STRING).createOrOpen();
        String found = meta.get(SCHEMA_KEY);
        if (found == null) {
            if (db.getAllNames().iterator().hasNext() && !onlyMeta(db)) {
                throw new StoreException(StoreException.Reason.CORRUPT, file + " is a MapDB file but not a kernelwise store", null);
            }
            meta.put(SCHEMA_KEY, Integer.toString(SCHEMA_VERSION));
            return;
        }
        int version = Integer.parseInt(found);
        if (version > SCHEMA_VERSION) {
            throw new StoreException(StoreException.Reason.NEWER_SCHEMA, file + " was written by a newer kernelwise (store schema "
                    + version + ", this one reads up to " + SCHEMA_VERSION + "); use a newer kernelwise or another --store file", null);
        }
    }

    private static boolean onlyMeta(DB db) {
        for (String n : db.getAllNames()) {
            if (!n.equals(META)) return false;
        }
        return true;
    }

    public Path file() {
        return file;
    }

    /** Run names, sorted. */
    public List<String> runNames() {
        List<String> names = new ArrayList<>(runs.keySet());
        names.sort(null);
        return names;
    }

    public boolean exists(String run) {
        return runs.containsKey(run);
    }

    /** Creates a run with no episodes yet; refuses an existing name. */
    public void createRun(RunInfo info, long targetEpisodes) {
        if (exists(info.name())) throw new IllegalArgumentException("run '" + info.name() + "' already exists in " + file);
        transaction(() -> {
            runs.put(info.name(), toJson(info));
            progress.put(info.name(), toJson(RunProgress.start(targetEpisodes)));
        });
    }

    public Optional<RunInfo> info(String run) {
        return Optional.ofNullable(runs.get(run)).map(j -> fromJson(j, RunInfo.class));
    }

    /** @throws IllegalArgumentException if there is no such run */
    public RunProgress progress(String run) {
        String j = progress.get(run);
        if (j == null) throw new IllegalArgumentException("no run '" + run + "' in " + file);
        return fromJson(j, RunProgress.class);
    }

    /** Sets the number of episodes the run should reach. */
    public void setTarget(String run, long targetEpisodes) {
        RunProgress p = progress(run).withTarget(targetEpisodes);
        transaction(() -> progress.put(run, toJson(p)));
    }

    /** Episode {@code index} of {@code run}. */
    public EpisodeRecord episode(String run, long index) throws IOException {
        byte[] b = episodes.get(key(run, index));
        if (b == null) throw new IllegalArgumentException("run '" + run + "' has no episode " + index);
        return EpisodeCodec.decode(b);
    }

    /** All committed episodes of {@code run}, in order. */
    public List<EpisodeRecord> episodes(String run) throws IOException {
        long n = progress(run).episodesDone();
        List<EpisodeRecord> out = new ArrayList<>((int) n);
        for (long i = 0; i < n; i++) out.add(episode(run, i));
        return out;
    }

    /** The agent state saved with the last checkpoint and the number of episodes it had played. */
    public Optional<Checkpoint> checkpoint(String run) {
        Long at = checkpointAt.get(run);
        if (at == null) return Optional.empty();
        return Optional.of(new Checkpoint(at, cachedCheckpoint(run).state().clone()));
    }

    /** An agent state after {@code episodes} episodes. */
    public record Checkpoint(long episodes, byte[] state) {
    }

    /**
     * Commits episode {@code record} (the run's next), the agent state after it (null to keep the previous
     * checkpoint) and the updated best plan and fronts, in one transaction. The store keeps a reference to
     * {@code agentState} (to find what the next checkpoint shares with it): the caller must not change it.
     *
     * @return the run's progress after the episode
     */
    public RunProgress appendEpisode(String run, EpisodeRecord record, byte[] agentState) {
        RunProgress next = progress(run).after(record);
        byte[] encoded = EpisodeCodec.encode(record);
        long t0 = System.nanoTime();
        CachedCheckpoint[] written = new CachedCheckpoint[1];
        lastCheckpointBytesWritten = 0;
        transaction(() -> {
            episodes.put(key(run, record.index()), encoded);
            if (agentState != null) written[0] = writeCheckpoint(run, agentState, next.episodesDone());
            progress.put(run, toJson(next));
        });
        lastCommitSeconds = (System.nanoTime() - t0) / 1e9;
        if (written[0] != null) lastCheckpoint.put(run, written[0]);
        log.debug("run {} episode {} committed in {} ms ({} episode bytes, {} state bytes of which {} written)", run, record.index(),
                Math.round(lastCommitSeconds * 1000), encoded.length, agentState == null ? 0 : agentState.length, lastCheckpointBytesWritten);
        return next;
    }

    /**
     * Writes the checkpoint as content-defined chunks ({@link ContentChunks}), storing only the chunks that are not
     * byte-for-byte in the run's previous checkpoint, and deleting those no longer used.
     */
    private CachedCheckpoint writeCheckpoint(String run, byte[] state, long episodes) {
        CachedCheckpoint prev = cachedCheckpoint(run);
        Map<Long, List<Integer>> prevByHash = new HashMap<>();
        for (int j = 0; prev != null && j < prev.chunks().size(); j++) {
            prevByHash.computeIfAbsent(prev.chunks().get(j).hash(), h -> new ArrayList<>()).add(j);
        }
        List<ContentChunks.Chunk> chunks = ContentChunks.cut(state);
        long[] ids = new long[chunks.size()];
        long next = checkpointNextId.getOrDefault(run, 0L);
        long written = 0;
        for (int i = 0; i < chunks.size(); i++) {
            ContentChunks.Chunk c = chunks.get(i);
            ids[i] = -1;
            for (int j : prevByHash.getOrDefault(c.hash(), List.of())) {
                ContentChunks.Chunk p = prev.chunks().get(j);
                if (p.length() == c.length() && Arrays.equals(state, c.offset(), c.offset() + c.length(), prev.state(), p.offset(), p.offset() + p.length())) {
                    ids[i] = prev.ids()[j];
                    break;
                }
            }
            if (ids[i] < 0) {
                ids[i] = next++;
                checkpointChunks.put(chunkKey(run, ids[i]), Arrays.copyOfRange(state, c.offset(), c.offset() + c.length()));
                written += c.length();
            }
        }
        java.util.Set<Long> kept = new java.util.HashSet<>();
        for (long id : ids) kept.add(id);
        for (int j = 0; prev != null && j < prev.ids().length; j++) {
            if (!kept.contains(prev.ids()[j])) checkpointChunks.remove(chunkKey(run, prev.ids()[j]));
        }
        checkpointManifest.put(run, manifest(ids, chunks));
        checkpointNextId.put(run, next);
        checkpointAt.put(run, episodes);
        lastCheckpointBytesWritten = written;
        return new CachedCheckpoint(state, chunks, ids);
    }

    /** The run's last checkpoint with its chunking, from memory or read from the file; null if it has none. */
    private CachedCheckpoint cachedCheckpoint(String run) {
        CachedCheckpoint c = lastCheckpoint.get(run);
        if (c != null || !checkpointAt.containsKey(run)) return c;
        java.nio.ByteBuffer m = java.nio.ByteBuffer.wrap(checkpointManifest.get(run));
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
        List<ContentChunks.Chunk> chunks = new ArrayList<>(n);
        for (int i = 0, off = 0; i < n; off += lengths[i], i++) {
            byte[] b = checkpointChunks.get(chunkKey(run, ids[i]));
            if (b == null || b.length != lengths[i]) throw new IllegalStateException("checkpoint of run " + run + " misses chunk " + ids[i]);
            System.arraycopy(b, 0, state, off, b.length);
            chunks.add(new ContentChunks.Chunk(off, b.length, ContentChunks.hash(state, off, b.length)));
        }
        c = new CachedCheckpoint(state, chunks, ids);
        lastCheckpoint.put(run, c);
        return c;
    }

    private static byte[] manifest(long[] ids, List<ContentChunks.Chunk> chunks) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(4 + 12 * ids.length);
        b.putInt(ids.length);
        for (int i = 0; i < ids.length; i++) b.putLong(ids[i]).putInt(chunks.get(i).length());
        return b.array();
    }

    /** A checkpoint as last committed, kept to find the chunks the next one shares with it. */
    private record CachedCheckpoint(byte[] state, List<ContentChunks.Chunk> chunks, long[] ids) {
    }

    private static String chunkKey(String run, long id) {
        return run + '/' + id;
    }

    /** Bytes of agent state the last {@link #appendEpisode} wrote (changed chunks only). */
    public long lastCheckpointBytesWritten() {
        return lastCheckpointBytesWritten;
    }

    /** Wall time of the last {@link #appendEpisode} commit. */
    public double lastCommitSeconds() {
        return lastCommitSeconds;
    }

    private void transaction(Runnable writes) {
        try {
            writes.run();
            db.commit();
        } catch (RuntimeException e) {
            db.rollback();
            throw e;
        }
    }

    private static String key(String run, long index) {
        return run + '/' + index;
    }

    static String toJson(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write " + o.getClass().getSimpleName() + " as JSON", e);
        }
    }

    static <T> T fromJson(String json, Class<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored " + type.getSimpleName() + " is unreadable: " + e.getOriginalMessage(), e);
        }
    }

    @Override
    public void close() {
        db.close();
    }
}
