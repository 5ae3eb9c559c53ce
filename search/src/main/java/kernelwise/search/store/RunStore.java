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
    private final HTreeMap<String, String> runs;
    private final HTreeMap<String, String> progress;
    private final HTreeMap<String, byte[]> episodes;
    private final CheckpointStore checkpoints;

    private RunStore(Path file, DB db) {
        this.file = file;
        this.db = db;
        this.runs = db.hashMap("runs", Serializer.STRING, Serializer.STRING).createOrOpen();
        this.progress = db.hashMap("progress", Serializer.STRING, Serializer.STRING).createOrOpen();
        this.episodes = db.hashMap("episodes", Serializer.STRING, Serializer.BYTE_ARRAY).createOrOpen();
        this.checkpoints = new CheckpointStore(db);
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
        return checkpoints.latest(run);
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
