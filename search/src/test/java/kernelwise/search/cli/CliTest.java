package kernelwise.search.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import kernelwise.models.plan.CompressionPlan;
import kernelwise.search.Samples;
import kernelwise.search.store.RunStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/** The run verbs end to end, in process, over the toy environment; one stored run shared by the tests. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CliTest {
    @TempDir
    static Path dir;
    String store;
    String results;

    @BeforeAll
    void storeOneRun() {
        store = dir.resolve("k.db").toString();
        results = dir.resolve("results").toString();
        CliRun r = run("search", "--model", "toy", "--agent", "random", "--episodes", "12", "--run", "r1", "--seed", "3");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("run r1: 12 of 12 episodes"), r.out());
    }

    CliRun run(String verb, String... args) {
        String[] all = new String[args.length + 5];
        all[0] = verb;
        all[1] = "--store";
        all[2] = store;
        all[3] = "--results";
        all[4] = results;
        System.arraycopy(args, 0, all, 5, args.length);
        return CliRun.toy(all);
    }

    @Test
    void givenAStoredRun_whenListedAndShown_thenItsFiguresArePrinted() throws Exception {
        CliRun runs = run("runs");
        assertEquals(0, runs.code(), runs.err());
        assertTrue(runs.out().lines().anyMatch(l -> l.startsWith("r1 ") && l.contains("toy") && l.contains("12/12")), runs.out());
        JsonNode show = new ObjectMapper().readTree(run("show", "r1", "--json").out());
        assertEquals(12, show.get("episodesDone").asInt());
        assertEquals("random", show.at("/config/agent").asText());
        assertEquals(3, show.at("/provenance/seed").asInt());
        JsonNode list = new ObjectMapper().readTree(run("runs", "--json").out());
        assertEquals("r1", list.at("/runs/0/name").asText());
        assertTrue(run("show", "r1").out().contains("best (episode "));
        assertTrue(run("show").out().startsWith("run r1 "), "without a name: the run started last");
    }

    @Test
    void givenAStoredRun_whenTheBestPlanIsExported_thenFinetunesPlanReaderAcceptsIt() throws Exception {
        for (String by : new String[]{"reward", "accuracy", "latency", "energy", "size"}) {
            Path out = dir.resolve("plan-" + by + ".json");
            CliRun r = run("export", "r1", "--best", "--by", by, "--out", out.toString());
            assertEquals(0, r.code(), r.err());
            CompressionPlan plan = CompressionPlan.read(out);
            assertDoesNotThrow(() -> plan.checkAgainst(Samples.spec()));
        }
        Path best = dir.resolve("results/r1/best-plan.json");
        assertEquals(CompressionPlan.read(best), CompressionPlan.read(dir.resolve("plan-reward.json")));
        CliRun ep = run("export", "r1", "--episode", "4", "--out", dir.resolve("e4.json").toString());
        assertEquals(0, ep.code(), ep.err());
        try (RunStore s = RunStore.open(Path.of(store))) {
            assertEquals(s.episode("r1", 4).plan(), CompressionPlan.read(dir.resolve("e4.json")));
        }
    }

    @Test
    void givenAStoredRun_whenReported_thenTheHtmlAndEveryChartAreWritten() throws Exception {
        CliRun r = run("report", "r1");
        assertEquals(0, r.code(), r.err());
        Path d = dir.resolve("results/r1");
        String html = Files.readString(d.resolve("report.html"));
        for (String png : new String[]{"reward", "front-latency", "front-energy", "front-size", "layer-bits", "layer-sparsity", "kernel-bits", "kernel-sparsity"}) {
            assertTrue(Files.size(d.resolve(png + ".png")) > 5000, png);
            assertTrue(html.contains("src=\"" + png + ".png\""), png);
        }
        assertTrue(html.contains("Provenance") && html.contains("size=0.011"));
    }

    @Test
    void givenBadArguments_whenRun_thenOneLineErrorsWithTheirExitCodesAndTheStoreIsIntact() throws Exception {
        long before = Files.size(Path.of(store));
        expect(ExitCode.NOT_FOUND, run("search", "--model", "nosuchnet", "--run", "x1", "--episodes", "2"));
        expect(ExitCode.USAGE, run("search", "--model", "toy", "--budget", "latency:0.4", "--run", "x2"));
        expect(ExitCode.USAGE, run("search", "--model", "toy", "--agent", "sarsa", "--run", "x3"));
        expect(ExitCode.USAGE, run("search", "--model", "toy", "--episodes", "0", "--run", "x4"));
        expect(ExitCode.USAGE, run("search", "--model", "toy", "--run", "r1", "--episodes", "3"));
        expect(ExitCode.USAGE, run("search", "--nosuchoption"));
        expect(ExitCode.USAGE, run("export", "r1", "--by", "colour", "--out", dir.resolve("p.json").toString()));
        expect(ExitCode.USAGE, run("resume", "r1", "--episodes", "5"));
        expect(ExitCode.NOT_FOUND, run("show", "nosuchrun"));
        expect(ExitCode.NOT_FOUND, run("resume", "nosuchrun"));
        expect(ExitCode.NOT_FOUND, run("export", "nosuchrun", "--out", dir.resolve("p.json").toString()));
        expect(ExitCode.NOT_FOUND, run("export", "r1", "--episode", "99", "--out", dir.resolve("p.json").toString()));
        expect(ExitCode.NOT_FOUND, run("report", "nosuchrun"));
        expect(ExitCode.NOT_FOUND, CliRun.of("runs", "--store", dir.resolve("none.db").toString()));
        assertFalse(Files.exists(dir.resolve("none.db")), "looking must not create a store");
        try (RunStore s = RunStore.open(Path.of(store))) {
            assertEquals(java.util.List.of("r1"), s.runNames());
            assertEquals(12, s.progress("r1").episodesDone());
            assertEquals(12, s.progress("r1").targetEpisodes());
        }
        assertTrue(Files.size(Path.of(store)) >= before);
    }

    @Test
    void givenTheStoreOpenElsewhere_whenAVerbRuns_thenItIsRefusedAsInUse() throws Exception {
        try (RunStore held = RunStore.open(Path.of(store))) {
            CliRun r = run("runs");
            expect(ExitCode.REFUSED, r);
            assertTrue(r.err().contains("in use"), r.err());
            assertTrue(held.exists("r1"));
        }
    }

    @Test
    void givenAStoreFromANewerSchema_whenListed_thenRefusedWithExitCode4() throws Exception {
        Path newer = dir.resolve("newer.db");
        RunStore.open(newer).close();
        org.mapdb.DB db = org.mapdb.DBMaker.fileDB(newer.toFile()).transactionEnable().make();
        db.hashMap("kernelwise.meta", org.mapdb.Serializer.STRING, org.mapdb.Serializer.STRING).createOrOpen().put("schema", "7");
        db.commit();
        db.close();
        CliRun r = CliRun.of("runs", "--store", newer.toString());
        expect(ExitCode.REFUSED, r);
        assertTrue(r.err().contains("newer kernelwise (store schema 7"), r.err());
    }

    private static void expect(int code, CliRun r) {
        assertEquals(code, r.code(), "exit code; stderr: " + r.err());
        assertTrue(r.oneLineError(), "not a one-line error: " + r.err());
    }
}
