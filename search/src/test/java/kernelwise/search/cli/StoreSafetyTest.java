package kernelwise.search.cli;

import kernelwise.search.RunFolder;
import kernelwise.search.store.RunStore;
import kernelwise.search.store.StoreDamage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Stores and run folders under hostile use, as the user's command lines: a run folder of another store's run is never
 * written, a damaged store is refused with exit 4 naming the file (never read as something else, never grown), the
 * read-only verbs leave a store's bytes as they were, and 'store check' / 'store salvage' say and keep what is readable.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StoreSafetyTest {
    static final int EPISODES = 30;
    @TempDir
    static Path dir;
    Path store;
    Path results;

    @BeforeAll
    void storeOneRun() {
        store = dir.resolve("a.db");
        results = dir.resolve("results");
        CliRun r = toy(store, "search", "--model", "toy", "--agent", "random", "--episodes", Integer.toString(EPISODES), "--run", "whole", "--seed", "5");
        assertEquals(0, r.code(), r.err());
    }

    private CliRun toy(Path storeFile, String verb, String... args) {
        return toyIn(storeFile, results, verb, args);
    }

    private static CliRun toyIn(Path storeFile, Path resultsDir, String verb, String... args) {
        String[] all = new String[args.length + 5];
        all[0] = verb;
        all[1] = "--store";
        all[2] = storeFile.toString();
        all[3] = "--results";
        all[4] = resultsDir.toString();
        System.arraycopy(args, 0, all, 5, args.length);
        return CliRun.toy(all);
    }

    private static void expect(int code, String message, CliRun r) {
        assertEquals(code, r.code(), "exit code; stderr: " + r.err());
        assertTrue(r.oneLineError(), "not a one-line error: " + r.err());
        assertTrue(r.err().contains(message), "expected '" + message + "' in: " + r.err());
    }

    private Path copyOfStore(String name) throws Exception {
        Path c = dir.resolve(name);
        Files.copy(store, c, StandardCopyOption.REPLACE_EXISTING);
        return c;
    }

    @Test
    void givenARunOfThatNameInAnotherStore_whenSearched_thenRefusedNamingBothStoresAndNothingIsWritten() throws Exception {
        Snapshot before = Snapshot.of(dir);
        Path other = dir.resolve("other.db");
        CliRun r = toy(other, "search", "--model", "toy", "--agent", "random", "--episodes", "3", "--run", "whole");
        expect(ExitCode.REFUSED, "holds run 'whole' of store " + store.toRealPath(), r);
        assertTrue(r.err().contains(dir.toRealPath().resolve("other.db").toString()), r.err());
        before.assertUnchanged();
        before.assertNothingAdded();
    }

    @Test
    void givenACopiedStore_whenResumedOrReported_thenRefusedAndTheOriginalRunsFilesAreIntact() throws Exception {
        Path copy = copyOfStore("copy.db");
        Snapshot before = Snapshot.of(dir);
        expect(ExitCode.REFUSED, "holds run 'whole' of store " + store.toRealPath(), toy(copy, "resume", "whole", "--episodes", "33"));
        expect(ExitCode.REFUSED, "holds run 'whole' of store " + store.toRealPath(), toy(copy, "report", "whole"));
        before.assertUnchanged();
        before.assertNothingAdded();
        try (RunStore s = RunStore.openReadOnly(copy)) {
            assertEquals(EPISODES, s.progress("whole").episodesDone(), "the copy was not played on either");
        }
    }

    @Test
    void givenAFolderWrittenBeforeOwnerFiles_whenAnotherStoresRunOfThatNameStarts_thenItsSummarysStoreOwnsIt() throws Exception {
        Path legacy = dir.resolve("legacy-results");
        Files.createDirectories(legacy.resolve("whole"));
        for (String f : new String[]{"summary.json", "episodes.csv", "best-plan.json"}) Files.copy(results.resolve("whole").resolve(f), legacy.resolve("whole").resolve(f));
        assertFalse(Files.exists(legacy.resolve("whole").resolve(RunFolder.OWNER_FILE)));
        Snapshot before = Snapshot.of(dir);
        expect(ExitCode.REFUSED, "holds run 'whole' of store " + store.toRealPath(),
                toyIn(dir.resolve("b.db"), legacy, "search", "--model", "toy", "--agent", "random", "--episodes", "3", "--run", "whole"));
        before.assertUnchanged();
        before.assertNothingAdded();
    }

    @Test
    void givenATruncatedStore_whenAnyVerbOpensIt_thenExit4NamingTheFileAndTheFileIsNotGrownOrChanged() throws Exception {
        long size = Files.size(store);
        for (long cut : new long[]{0, 100, 40_000, size / 2, size - 1}) {
            Path t = copyOfStore("cut.db");
            try (RandomAccessFile f = new RandomAccessFile(t.toFile(), "rw")) {
                f.setLength(cut);
            }
            Snapshot before = Snapshot.of(dir);
            String what = cut == 0 ? "the file is empty" : cut < 64 ? "shorter than a store's header" : "the file is truncated: ";
            expect(ExitCode.REFUSED, t + " is not a readable kernelwise store: " + what, toy(t, "runs"));
            expect(ExitCode.REFUSED, what, toy(t, "show", "whole"));
            expect(ExitCode.REFUSED, what, toy(t, "export", "whole", "--out", dir.resolve("cut.json").toString()));
            expect(ExitCode.REFUSED, what, toy(t, "report", "whole"));
            expect(ExitCode.REFUSED, what, toy(t, "resume", "whole", "--episodes", "40"));
            expect(ExitCode.REFUSED, what, toy(t, "search", "--model", "toy", "--agent", "random", "--episodes", "2", "--run", "new"));
            before.assertUnchanged();
            before.assertNothingAdded();
            assertEquals(cut, Files.size(t), "cut at " + cut);
        }
    }

    @Test
    void givenAStoreWithAnEpisodeOverwritten_whenListedOrExported_thenExit4AndCheckSaysWhichAndSalvageKeepsTheRest() throws Exception {
        Path bad = copyOfStore("bad.db");
        StoreDamage.overwriteEpisode(bad, "whole", 17, 0, 1, (byte) 0x7F);
        Snapshot before = Snapshot.of(dir);
        expect(ExitCode.REFUSED, bad + " is damaged: episode record 'whole/17' is not an episode", toy(bad, "runs"));
        expect(ExitCode.REFUSED, "is damaged", toy(bad, "export", "whole", "--out", dir.resolve("bad.json").toString()));
        expect(ExitCode.REFUSED, "is damaged", toy(bad, "resume", "whole", "--episodes", "40"));
        CliRun check = CliRun.toy("store", "check", bad.toString());
        assertEquals(ExitCode.REFUSED, check.code(), check.err());
        assertTrue(check.out().contains("run whole: " + (EPISODES - 1) + " of " + EPISODES + " episodes readable, unreadable: 17 "), check.out());
        before.assertUnchanged();
        before.assertNothingAdded();

        Path saved = dir.resolve("salvaged.db");
        CliRun salvage = CliRun.toy("store", "salvage", bad.toString(), "--out", saved.toString());
        assertEquals(0, salvage.code(), salvage.err());
        assertTrue(salvage.out().contains("run whole: 17 of " + EPISODES + " episodes copied (episode 17 is unreadable)"), salvage.out());
        before.assertUnchanged();
        CliRun checkSaved = CliRun.toy("store", "check", saved.toString());
        assertEquals(0, checkSaved.code(), checkSaved.out());
        assertTrue(checkSaved.out().contains("all readable"), checkSaved.out());
        try (RunStore s = RunStore.openReadOnly(saved); RunStore orig = RunStore.openReadOnly(store)) {
            assertEquals(17, s.progress("whole").episodesDone());
            for (int i = 0; i < 17; i++) assertEquals(orig.episode("whole", i).plan(), s.episode("whole", i).plan());
        }
        CliRun again = CliRun.toy("store", "salvage", bad.toString(), "--out", saved.toString());
        expect(ExitCode.REFUSED, "is a run store", again);
        CliRun resumed = toyIn(saved, dir.resolve("salvaged-results"), "resume", "whole");
        assertEquals(0, resumed.code(), resumed.err());
        try (RunStore s = RunStore.openReadOnly(saved); RunStore orig = RunStore.openReadOnly(store)) {
            assertEquals(EPISODES, s.progress("whole").episodesDone());
            for (int i = 0; i < EPISODES; i++) {
                assertTrue(orig.episode("whole", i).sameOutcome(s.episode("whole", i)), "episode " + i + " of the salvaged run, resumed");
            }
        }
    }

    @Test
    void givenAStoreWithAnEpisodesContentGarbled_whenExported_thenExit4NamingTheEpisode() throws Exception {
        Path bad = copyOfStore("garbled.db");
        StoreDamage.overwriteEpisode(bad, "whole", 4, 12, 40, (byte) 0x55);
        Snapshot before = Snapshot.of(dir);
        expect(ExitCode.REFUSED, "episode 4 of run whole is unreadable", toy(bad, "export", "whole", "--out", dir.resolve("g.json").toString()));
        before.assertUnchanged();
        before.assertNothingAdded();
    }

    @Test
    void givenSomethingElseThanAStore_whenChecked_thenItsExitCodeAndALineNamingIt() throws Exception {
        Path plan = Files.writeString(dir.resolve("not-a-store.json"), "{\"schemaVersion\": 1}");
        Snapshot before = Snapshot.of(dir);
        expect(ExitCode.REFUSED, plan + " is not a readable kernelwise store: the file does not begin with a MapDB header",
                CliRun.toy("store", "check", plan.toString()));
        expect(ExitCode.NOT_FOUND, "no such store file", CliRun.toy("store", "check", dir.resolve("none.db").toString()));
        expect(ExitCode.USAGE, "is a folder", CliRun.toy("store", "check", dir.toString()));
        expect(ExitCode.REFUSED, "is this command's store", CliRun.toy("store", "salvage", store.toString(), "--out", store.toString()));
        before.assertUnchanged();
        before.assertNothingAdded();
    }

    @Test
    void givenAStoreBeingRead_whenASearchStartsOnIt_thenRefusedAsInUse() throws Exception {
        Path s = copyOfStore("read.db");
        try (RunStore reading = RunStore.openReadOnly(s)) {
            expect(ExitCode.REFUSED, "is in use by another kernelwise process",
                    toy(s, "search", "--model", "toy", "--agent", "random", "--episodes", "2", "--run", "second"));
            assertTrue(reading.exists("whole"));
        }
        try (RunStore after = RunStore.openReadOnly(s)) {
            assertFalse(after.exists("second"));
        }
    }

    @Test
    void givenAHealthyStore_whenTheReadOnlyVerbsRun_thenItsBytesAreIdenticalAfter() throws Exception {
        Path s = copyOfStore("healthy.db");
        Path res = dir.resolve("healthy-results");
        String before = Snapshot.sha256(s);
        assertEquals(0, toyIn(s, res, "runs").code());
        assertEquals(0, toyIn(s, res, "show", "whole", "--json").code());
        assertEquals(0, toyIn(s, res, "export", "whole", "--out", dir.resolve("h.json").toString()).code());
        CliRun report = toyIn(s, res, "report", "whole");
        assertEquals(0, report.code(), report.err());
        CliRun check = CliRun.toy("store", "check", s.toString());
        assertEquals(0, check.code(), check.out());
        assertTrue(check.out().contains("run whole: " + EPISODES + " of " + EPISODES + " episodes readable; checkpoint after episode " + (EPISODES - 1)), check.out());
        assertEquals(before, Snapshot.sha256(s));
        assertFalse(Files.exists(dir.resolve("healthy.db.wal.0")));
    }
    @Test
    void givenAReadOnlyStore_whenSearchedOrResumedIntoIt_thenExit4OnOneLineAndRunsAndShowStillReadIt() throws Exception {
        Path ro = copyOfStore("read-only.db");
        Path res = dir.resolve("read-only-results");
        Files.setPosixFilePermissions(ro, java.nio.file.attribute.PosixFilePermissions.fromString("r--r--r--"));
        try {
            org.junit.jupiter.api.Assumptions.assumeFalse(Files.isWritable(ro), "running as root: chmod a-w does not stop writes");
            Snapshot before = Snapshot.of(dir);
            expect(ExitCode.REFUSED, ro + " is read-only",
                    toyIn(ro, res, "search", "--model", "toy", "--agent", "random", "--episodes", "2", "--run", "more"));
            expect(ExitCode.REFUSED, ro + " is read-only", toyIn(ro, res, "resume", "whole", "--episodes", "33"));
            CliRun runs = toyIn(ro, res, "runs");
            assertEquals(0, runs.code(), runs.err());
            assertTrue(runs.out().contains("whole"), runs.out());
            CliRun show = toyIn(ro, res, "show", "whole");
            assertEquals(0, show.code(), show.err());
            assertTrue(show.out().contains("episodes: " + EPISODES + " of " + EPISODES), show.out());
            before.assertUnchanged();
            before.assertNothingAdded();
        } finally {
            Files.setPosixFilePermissions(ro, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        }
    }
}
