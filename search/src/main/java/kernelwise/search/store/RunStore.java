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
import java.util.List;
import java.util.Optional;

/**
 * Many search runs in one MapDB file: their configurations, episodes and progress here, their agent checkpoints in
 * a {@link CheckpointStore} on the same file. Every change is one transaction: {@link #appendEpisode} writes the
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
    private final boolean readOnly;
    private final ReadLock readLock;
    private final HTreeMap<String, String> runs;
    private final HTreeMap<String, String> progress;
    private final HTreeMap<String, byte[]> episodes;
    private final CheckpointStore checkpoints;

    private RunStore(Path file, DB db, ReadLock readLock) {
        this.file = file;
        this.db = db;
        this.readOnly = readLock != null;
        this.readLock = readLock;
        this.runs = map(db, "runs", Serializer.STRING, Serializer.STRING, readOnly);
        this.progress = map(db, "progress", Serializer.STRING, Serializer.STRING, readOnly);
        this.episodes = map(db, "episodes", Serializer.STRING, Serializer.BYTE_ARRAY, readOnly);
        this.checkpoints = new CheckpointStore(db, readOnly);
    }

    /** The named map; opened read-only, a map the file does not hold is an empty one (the file is not written). */
    static <K, V> HTreeMap<K, V> map(DB db, String name, Serializer<K> keys, Serializer<V> values, boolean readOnly) {
        if (!readOnly) return db.hashMap(name, keys, values).createOrOpen();
        if (db.exists(name)) return db.hashMap(name, keys, values).open();
        return DBMaker.memoryDB().make().hashMap(name, keys, values).create();
    }

    /**
     * Opens (creating if missing) the store file.
     *
     * @throws StoreException if another process has it open, it was written by a newer schema, or it is not a store
     */
    public static RunStore open(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        if (Files.exists(file)) {
            StoreFiles.checkWhole(file);
            if (!Files.isWritable(file)) {
                throw new StoreException(StoreException.Reason.READ_ONLY, file + " is read-only; this verb writes to the store"
                        + " (make it writable, or work on a copy)", null);
            }
        }
        DB db = openDb(file, false);
        try {
            checkSchema(file, db, false);
            RunStore store = new RunStore(file, db, null);
            store.verify();
            db.commit();
            return store;
        } catch (IOException | RuntimeException e) {
            db.close();
            throw damaged(file, e);
        }
    }

    /**
     * Opens an existing store for reading only: the file is neither written nor grown, and a search cannot start on it
     * while it is open here (it holds a shared lock).
     *
     * @throws java.nio.file.NoSuchFileException if there is no such file
     * @throws StoreException if a search has it open, it was written by a newer schema, or it is not a whole store
     */
    public static RunStore openReadOnly(Path file) throws IOException {
        return openReadOnly(file, true);
    }

    /**
     * Opens a store read-only without checking it first, to read what can still be read of a damaged one ({@link
     * StoreRecovery}); every read may then fail with a {@link StoreDamagedException}.
     */
    static RunStore openDamaged(Path file) throws IOException {
        return openReadOnly(file, false);
    }

    private static RunStore openReadOnly(Path file, boolean check) throws IOException {
        if (!Files.exists(file)) throw new java.nio.file.NoSuchFileException(file.toString());
        if (check) StoreFiles.checkWhole(file);
        ReadLock lock = ReadLock.take(file);
        try {
            DB db = openDb(file, true);
            try {
                if (check) checkSchema(file, db, true);
                RunStore store = new RunStore(file, db, lock);
                if (check) store.verify();
                return store;
            } catch (IOException | RuntimeException e) {
                db.close();
                throw damaged(file, e);
            }
        } catch (IOException | RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /**
     * Reads every record of the store once (keys and raw values, not decoded), so that a damaged file is refused when it
     * is opened rather than read as something else later; a run's episodes must be there up to its progress.
     */
    private void verify() throws StoreException {
        try {
            for (HTreeMap<String, ?> m : List.of(runs, progress)) {
                for (var e : m.entrySet()) {
                    if (e.getValue() == null) throw new IllegalStateException("record '" + e.getKey() + "' has no value");
                }
            }
            for (var e : episodes.entrySet()) {
                if (!EpisodeCodec.plausible(e.getValue())) throw new IllegalStateException("episode record '" + e.getKey() + "' is not an episode");
            }
            checkpoints.verify();
            for (String run : runs.keySet()) {
                long done = progress(run).episodesDone();
                for (long i = 0; i < done; i++) {
                    if (!episodes.containsKey(key(run, i))) throw new IllegalStateException("episode " + i + " of run " + run + " is missing");
                }
            }
        } catch (RuntimeException e) {
            String what = e instanceof StoreDamagedException d ? d.what() : e instanceof IllegalStateException && e.getCause() == null
                    ? e.getMessage() : StoreDamagedException.describe(e);
            throw new StoreException(StoreException.Reason.CORRUPT, file + " is damaged: " + what + " ('kernelwise store check " + file
                    + "' lists what can still be read)", e);
        }
    }

    /** Episode {@code index} of {@code run}, or null if the store holds no such record (not consulting the run's progress). */
    EpisodeRecord episodeIfPresent(String run, long index) throws IOException {
        byte[] b = read(() -> episodes.get(key(run, index)));
        return b == null ? null : read(() -> EpisodeCodec.decode(b));
    }

    /** The names of the runs in the progress table (to find runs when the run table itself is unreadable). */
    List<String> progressNames() {
        List<String> names = read(() -> new ArrayList<>(progress.keySet()));
        names.sort(null);
        return names;
    }

    /** Whether this store was opened by {@link #openReadOnly}. */
    public boolean readOnly() {
        return readOnly;
    }

    private static DB openDb(Path file, boolean readOnly) throws StoreException {
        try {
            DBMaker.Maker maker = DBMaker.fileDB(file.toFile()).transactionEnable();
            return readOnly ? maker.readOnly().make() : maker.make();
        } catch (DBException.FileLocked | java.nio.channels.OverlappingFileLockException e) {
            throw inUse(file, e);
        } catch (DBException | IllegalStateException | IndexOutOfBoundsException e) {
            throw new StoreException(StoreException.Reason.CORRUPT, file + " is not a readable kernelwise store: " + StoreDamagedException.describe(e), e);
        }
    }

    static StoreException inUse(Path file, Throwable cause) {
        return new StoreException(StoreException.Reason.IN_USE, file + " is in use by another kernelwise process"
                + " (a search may be running); wait for it to end or use another --store file", cause);
    }

    /** A failure while opening: a store exception as it is, anything else as the file being damaged. */
    private static IOException damaged(Path file, Exception e) {
        if (e instanceof IOException io) return io;
        if (e instanceof StoreDamagedException d) return new StoreException(StoreException.Reason.CORRUPT, d.getMessage(), d);
        return new StoreException(StoreException.Reason.CORRUPT, file + " is not a readable kernelwise store: " + StoreDamagedException.describe(e), e);
    }

    private static void checkSchema(Path file, DB db, boolean readOnly) throws StoreException {
        HTreeMap<String, String> meta = map(db, META, Serializer.STRING, Serializer.STRING, readOnly);
        String found = meta.get(SCHEMA_KEY);
        if (found == null) {
            if (readOnly && db.exists("runs")) {
                throw new StoreException(StoreException.Reason.CORRUPT, file + " is damaged: its schema record is missing", null);
            }
            if (readOnly || db.getAllNames().iterator().hasNext() && !onlyMeta(db)) {
                throw new StoreException(StoreException.Reason.CORRUPT, file + " is a MapDB file but not a kernelwise store", null);
            }
            meta.put(SCHEMA_KEY, Integer.toString(SCHEMA_VERSION));
            return;
        }
        int version;
        try {
            version = Integer.parseInt(found);
        } catch (NumberFormatException e) {
            throw new StoreException(StoreException.Reason.CORRUPT, file + " has an unreadable schema version '" + found + "'", e);
        }
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
        List<String> names = read(() -> new ArrayList<>(runs.keySet()));
        names.sort(null);
        return names;
    }

    public boolean exists(String run) {
        return read(() -> runs.containsKey(run));
    }

    /** Creates a run with no episodes yet; refuses an existing name. */
    public void createRun(RunInfo info, long targetEpisodes) {
        writable();
        if (exists(info.name())) throw new IllegalArgumentException("run '" + info.name() + "' already exists in " + file);
        transaction(() -> {
            runs.put(info.name(), toJson(info));
            progress.put(info.name(), toJson(RunProgress.start(targetEpisodes)));
        });
    }

    public Optional<RunInfo> info(String run) {
        return read(() -> Optional.ofNullable(runs.get(run)).map(j -> fromJson(j, RunInfo.class)));
    }

    /** @throws IllegalArgumentException if there is no such run */
    public RunProgress progress(String run) {
        String j = read(() -> progress.get(run));
        if (j == null) throw new IllegalArgumentException("no run '" + run + "' in " + file);
        return read(() -> fromJson(j, RunProgress.class));
    }

    /** Sets the number of episodes the run should reach. */
    public void setTarget(String run, long targetEpisodes) {
        writable();
        RunProgress p = progress(run).withTarget(targetEpisodes);
        transaction(() -> progress.put(run, toJson(p)));
    }

    /** Episode {@code index} of {@code run}. */
    public EpisodeRecord episode(String run, long index) throws IOException {
        byte[] b = read(() -> episodes.get(key(run, index)));
        if (b == null && index >= 0 && index < progress(run).episodesDone()) {
            throw new StoreDamagedException(file, "episode " + index + " of run " + run + " is missing", null);
        }
        if (b == null) throw new IllegalArgumentException("run '" + run + "' has no episode " + index);
        try {
            return read(() -> EpisodeCodec.decode(b));
        } catch (StoreDamagedException e) {
            throw new StoreDamagedException(file, "episode " + index + " of run " + run + " is unreadable: " + e.what(), e);
        }
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
        return read(() -> checkpoints.latest(run));
    }

    /** An agent state after {@code episodes} episodes. */
    public record Checkpoint(long episodes, byte[] state) {
    }

    /**
     * What one {@link #appendEpisode} did.
     *
     * @param progress             the run's progress after the episode
     * @param commitSeconds        wall time of the write and commit
     * @param checkpointBytes      size of the agent state stored with the episode (0 if none)
     * @param checkpointBytesWritten bytes of it actually written (the chunks not in the previous checkpoint)
     */
    public record Commit(RunProgress progress, double commitSeconds, long checkpointBytes, long checkpointBytesWritten) {
    }

    /**
     * Commits episode {@code record} (the run's next), the agent state after it (null to keep the previous
     * checkpoint) and the updated best plan and fronts, in one transaction. The store keeps a reference to
     * {@code agentState} (to find what the next checkpoint shares with it): the caller must not change it.
     */
    public Commit appendEpisode(String run, EpisodeRecord record, byte[] agentState) {
        writable();
        RunProgress next = progress(run).after(record);
        byte[] encoded = EpisodeCodec.encode(record);
        long t0 = System.nanoTime();
        long[] written = new long[1];
        try {
            transaction(() -> {
                episodes.put(key(run, record.index()), encoded);
                if (agentState != null) written[0] = checkpoints.write(run, agentState, next.episodesDone());
                progress.put(run, toJson(next));
            });
        } catch (RuntimeException e) {
            checkpoints.forget(run);
            throw e;
        }
        Commit c = new Commit(next, (System.nanoTime() - t0) / 1e9, agentState == null ? 0 : agentState.length, written[0]);
        log.debug("run {} episode {} committed in {} ms ({} episode bytes, {} state bytes of which {} written)", run, record.index(),
                Math.round(c.commitSeconds() * 1000), encoded.length, c.checkpointBytes(), c.checkpointBytesWritten());
        return c;
    }

    /** What a read of the store's maps can throw when the file is damaged. */
    @FunctionalInterface
    private interface Read<T> {
        T get() throws IOException;
    }

    /** Runs a read, reporting a damaged file (any failure of MapDB or of decoding) as a {@link StoreDamagedException}. */
    private <T> T read(Read<T> r) {
        try {
            return r.get();
        } catch (StoreDamagedException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new StoreDamagedException(file, StoreDamagedException.describe(e), e);
        }
    }

    private void writable() {
        if (readOnly) throw new IllegalStateException(file + " was opened read-only");
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
        try {
            db.close();
        } finally {
            if (readLock != null) readLock.close();
        }
    }
}
