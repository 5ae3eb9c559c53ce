package kernelwise.search.store;

import kernelwise.env.Resource;
import kernelwise.search.Samples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mapdb.DB;
import org.mapdb.DBMaker;
import org.mapdb.Serializer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.*;

class RunStoreTest {

    @TempDir
    Path dir;

    @Test
    void givenEpisodesAndCheckpoints_whenReopened_thenEverythingReadsBackEqual() throws Exception {
        Path f = dir.resolve("k.db");
        SplittableRandom rng = new SplittableRandom(7);
        List<EpisodeRecord> written = new ArrayList<>();
        try (RunStore s = RunStore.open(f)) {
            s.createRun(new RunInfo("a", "{\"x\":1}", "{\"seed\":3}", 42L), 10);
            s.createRun(new RunInfo("b", "{}", "{}", 43L), 5);
            for (int i = 0; i < 6; i++) {
                EpisodeRecord e = Samples.episode(i, rng);
                written.add(e);
                s.appendEpisode("a", e, new byte[]{(byte) i, 1, 2});
            }
        }
        try (RunStore s = RunStore.open(f)) {
            assertEquals(List.of("a", "b"), s.runNames());
            assertEquals("{\"seed\":3}", s.info("a").orElseThrow().provenanceJson());
            List<EpisodeRecord> read = s.episodes("a");
            assertEquals(written, read);
            RunProgress p = s.progress("a");
            assertEquals(6, p.episodesDone());
            assertEquals(10, p.targetEpisodes());
            EpisodeRecord best = written.stream().max(Comparator.comparingDouble(e -> e.scores().reward())).orElseThrow();
            assertEquals(best.index(), p.bestEpisode());
            assertEquals(best.scores(), p.bestScores());
            RunStore.Checkpoint c = s.checkpoint("a").orElseThrow();
            assertEquals(6, c.episodes());
            assertArrayEquals(new byte[]{5, 1, 2}, c.state());
            assertEquals(0, s.progress("b").episodesDone());
            assertTrue(s.checkpoint("b").isEmpty());
        }
    }

    @Test
    void givenEpisodes_whenFrontsComputed_thenNoStoredEpisodeDominatesAFrontPoint() throws Exception {
        SplittableRandom rng = new SplittableRandom(11);
        try (RunStore s = RunStore.open(dir.resolve("k.db"))) {
            s.createRun(new RunInfo("a", "{}", "{}", 1L), 50);
            for (int i = 0; i < 40; i++) s.appendEpisode("a", Samples.episode(i, rng), null);
            List<EpisodeRecord> all = s.episodes("a");
            for (Resource axis : Resource.values()) {
                ParetoFront front = s.progress("a").front(axis);
                assertFalse(front.points().isEmpty());
                for (ParetoFront.Point p : front.points()) {
                    for (EpisodeRecord e : all) {
                        boolean dominates = e.scores().accuracy() >= p.accuracy() && e.scores().cost(axis) <= p.cost()
                                && (e.scores().accuracy() > p.accuracy() || e.scores().cost(axis) < p.cost());
                        assertFalse(dominates, axis + ": episode " + e.index() + " dominates front point " + p);
                    }
                }
                for (EpisodeRecord e : all) {
                    boolean dominated = all.stream().anyMatch(o -> o.scores().accuracy() > e.scores().accuracy()
                            && o.scores().cost(axis) < e.scores().cost(axis));
                    if (!dominated) assertTrue(front.points().stream().anyMatch(
                            p -> p.accuracy() == e.scores().accuracy() && p.cost() == e.scores().cost(axis)), axis + " misses " + e.index());
                }
            }
        }
    }

    @Test
    void givenBigCheckpointsThatChangeLittle_whenStored_thenOnlyNewChunksAreWrittenAndAllReadBackWhole() throws Exception {
        Path f = dir.resolve("k.db");
        SplittableRandom rng = new SplittableRandom(3);
        byte[] state = bytes(rng, 4 << 20);
        byte[] grown = concat(java.util.Arrays.copyOf(state, 1 << 20), bytes(rng, 5000), java.util.Arrays.copyOfRange(state, 1 << 20, state.length),
                bytes(rng, 100_000));
        grown[100] ^= 1;
        byte[] shrunk = java.util.Arrays.copyOf(grown, 300_000);
        try (RunStore s = RunStore.open(f)) {
            s.createRun(new RunInfo("a", "{}", "{}", 1L), 9);
            RunStore.Commit first = s.appendEpisode("a", Samples.episode(0, rng), state);
            assertEquals(state.length, first.checkpointBytesWritten());
            assertEquals(state.length, first.checkpointBytes());
            RunStore.Commit second = s.appendEpisode("a", Samples.episode(1, rng), grown);
            assertTrue(second.checkpointBytesWritten() < 1_200_000, "a change at the start, 5 KB inserted, 100 KB appended: wrote "
                    + second.checkpointBytesWritten() + " of " + grown.length + " bytes");
            assertEquals(2, second.progress().episodesDone());
        }
        try (RunStore s = RunStore.open(f)) {
            assertArrayEquals(grown, s.checkpoint("a").orElseThrow().state());
            assertTrue(s.appendEpisode("a", Samples.episode(2, rng), shrunk).checkpointBytesWritten() < ContentChunks.MAX,
                    "a cut state rewrites at most its last chunk");
            s.appendEpisode("a", Samples.episode(3, rng), new byte[0]);
        }
        try (RunStore s = RunStore.open(f)) {
            RunStore.Checkpoint c = s.checkpoint("a").orElseThrow();
            assertArrayEquals(new byte[0], c.state());
            assertEquals(4, c.episodes());
            s.appendEpisode("a", Samples.episode(4, rng), shrunk);
            assertArrayEquals(shrunk, s.checkpoint("a").orElseThrow().state());
        }
    }

    private static byte[] bytes(SplittableRandom rng, int n) {
        byte[] b = new byte[n];
        rng.nextBytes(b);
        return b;
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] p : parts) out.writeBytes(p);
        return out.toByteArray();
    }

    @Test
    void givenAnEpisodeOutOfOrder_whenAppended_thenRefusedAndStoreUnchanged() throws Exception {
        SplittableRandom rng = new SplittableRandom(1);
        try (RunStore s = RunStore.open(dir.resolve("k.db"))) {
            s.createRun(new RunInfo("a", "{}", "{}", 1L), 5);
            s.appendEpisode("a", Samples.episode(0, rng), new byte[]{1});
            assertThrows(IllegalStateException.class, () -> s.appendEpisode("a", Samples.episode(2, rng), new byte[]{2}));
            assertEquals(1, s.progress("a").episodesDone());
            assertArrayEquals(new byte[]{1}, s.checkpoint("a").orElseThrow().state());
        }
    }

    @Test
    void givenAFileFromANewerSchema_whenOpened_thenRefusedWithAOneLineMessage() throws Exception {
        Path f = dir.resolve("k.db");
        RunStore.open(f).close();
        DB db = DBMaker.fileDB(f.toFile()).transactionEnable().make();
        db.hashMap(RunStore.META, Serializer.STRING, Serializer.STRING).createOrOpen().put(RunStore.SCHEMA_KEY, "2");
        db.commit();
        db.close();
        StoreException e = assertThrows(StoreException.class, () -> RunStore.open(f));
        assertEquals(StoreException.Reason.NEWER_SCHEMA, e.reason());
        assertTrue(e.getMessage().contains("newer kernelwise (store schema 2"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void givenAFileOpenInThisProcess_whenOpenedAgain_thenRefusedAsInUse() throws Exception {
        Path f = dir.resolve("k.db");
        try (RunStore first = RunStore.open(f)) {
            first.createRun(new RunInfo("a", "{}", "{}", 1L), 5);
            StoreException e = assertThrows(StoreException.class, () -> RunStore.open(f));
            assertEquals(StoreException.Reason.IN_USE, e.reason());
            assertTrue(e.getMessage().contains("in use"), e.getMessage());
            assertTrue(first.exists("a"));
        }
        try (RunStore again = RunStore.open(f)) {
            assertTrue(again.exists("a"));
        }
    }

    @Test
    void givenAFileThatIsNotAStore_whenOpened_thenRefusedAsCorrupt() throws Exception {
        Path f = dir.resolve("junk.db");
        Files.write(f, new byte[]{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20});
        StoreException e = assertThrows(StoreException.class, () -> RunStore.open(f));
        assertEquals(StoreException.Reason.CORRUPT, e.reason());
    }
}
