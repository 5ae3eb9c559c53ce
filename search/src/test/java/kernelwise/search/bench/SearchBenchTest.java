package kernelwise.search.bench;

import kernelwise.agents.AgentConfig;
import kernelwise.models.compress.Recovery;
import kernelwise.search.RunAssertions;
import kernelwise.search.SearchConfig;
import kernelwise.search.SearchLoop;
import kernelwise.search.ZooRunFactory;
import kernelwise.search.store.RunStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** bench search's table logic on a small MLP and real MNIST, and a resumed search with a recovery step. */
class SearchBenchTest {

    @TempDir
    Path dir;

    private Path mlp() throws Exception {
        Path zip = dir.resolve("tiny-mlp.zip");
        try (InputStream in = SearchBenchTest.class.getResourceAsStream("/stores/v1/tiny-mlp.zip")) {
            Files.copy(in, zip);
        }
        return zip;
    }

    private SearchBench.Settings settings(Path model, List<Long> seeds) {
        return new SearchBench.Settings(model.toString(), "mnist", "size", "size=0.05", List.of("random", "magnitude"), seeds, 3, 100,
                Recovery.LSQ, 64, new FinetuneRecipe("qat", 1, 0, 200, 1e-3, 64, 1), new AgentConfig());
    }

    @Test
    void givenABench_whenRunAgain_thenFinishedRowsAreKeptAndOtherSettingsAreRefused() throws Exception {
        Path model = mlp();
        List<String> made = new ArrayList<>();
        List<SearchBench.Row> first = new SearchBench(settings(model, List.of(1L, 2L)), dir, "t", new ZooRunFactory())
                .run((row, kept) -> made.add(row.contender() + row.seed() + (kept ? " kept" : "")));
        assertEquals(List.of("random1", "random2", "magnitude1", "magnitude2"), made);
        assertEquals(4, first.size());
        for (SearchBench.Row r : first) {
            assertTrue(r.relativeCost() <= 0.05 * (1 + 1e-9), r.contender() + " meets the budget: " + r.relativeCost());
            assertTrue(r.kwBytes() > 0 && r.testAccuracy() >= 0 && r.testAccuracy() <= 1, r.toString());
        }
        assertEquals(3, first.get(0).plansScored(), "a search scores one plan per episode");
        assertEquals(first.get(2).searchAccuracy(), first.get(3).searchAccuracy(), 0, "a heuristic makes one plan for every seed");
        String table = Files.readString(dir.resolve("t.md"));
        assertTrue(table.contains("| random | 2 |") && table.contains("| magnitude | 2 |"), table);
        assertTrue(table.contains("random vs magnitude"), table);
        assertTrue(table.contains("Reproduce: `./kernelwise bench search --model " + model + " --dataset mnist --hardware size --budget size=0.05"
                + " --contenders random,magnitude --seeds 1,2 --episodes 3 --eval-images 100 --recovery lsq --recovery-images 64 --method qat"
                + " --epochs 1 --retrain-epochs 0 --train-images 200 --lr 0.001 --batch 64`."), table);

        made.clear();
        List<SearchBench.Row> again = new SearchBench(settings(model, List.of(1L, 2L)), dir, "t", new ZooRunFactory())
                .run((row, kept) -> made.add(row.contender() + row.seed() + (kept ? " kept" : "")));
        assertEquals(List.of("random1 kept", "random2 kept", "magnitude1 kept", "magnitude2 kept"), made);
        assertEquals(first, again);
        assertThrows(IllegalStateException.class, () -> new SearchBench(settings(model, List.of(1L, 3L)), dir, "t", new ZooRunFactory())
                .run((row, kept) -> { }));
    }

    @Test
    void givenRowsOfKnownSpread_whenSummarised_thenMeansDeviationsAndVerdictsFollow() {
        SearchBench.Settings s = new SearchBench.Settings("m", "mnist", "size", "size=0.05", List.of("hierarchical", "random", "magnitude"),
                List.of(1L, 2L, 3L), 3, 100, Recovery.NONE, 0, FinetuneRecipe.quick(1), new AgentConfig());
        List<SearchBench.Row> rows = new ArrayList<>();
        double[][] acc = {{0.95, 0.96, 0.97}, {0.90, 0.91, 0.92}, {0.955, 0.96, 0.965}};
        for (int c = 0; c < 3; c++) {
            for (int i = 0; i < 3; i++) rows.add(new SearchBench.Row(s.contenders().get(c), i + 1, 0.5, 0.05, 3, 1, 0.1, acc[c][i], 100, 800, 1));
        }
        var sum = SearchBenchReport.summaries(s, rows);
        assertEquals(0.96, sum.get(0).mean(), 1e-12);
        assertEquals(0.01, sum.get(0).sd(), 1e-12);
        String md = SearchBenchReport.markdown(s, 0.99, rows);
        assertTrue(md.contains("hierarchical vs random: +5.00 pt") && md.contains("better, beyond 2 SE"), md);
        assertTrue(md.contains("hierarchical vs magnitude: +0.00 pt") && md.contains("within 2 SE"), md);
    }

    @Test
    void givenASearchWithTheRecoveryStep_whenStoppedAndResumed_thenItEndsAsTheUnbrokenRun() throws Exception {
        Path model = mlp();
        SearchConfig whole = SearchConfig.builder().run("whole").model(model.toString()).data("mnist").agent("hierarchical")
                .hardware("size", null).budget("size=0.05").episodes(4).seed(3).evalImages(100).checkpointEvery(1)
                .env(b -> b.recovery(Recovery.LSQ, 64)).build();
        try (RunStore store = RunStore.open(dir.resolve("r.db"))) {
            SearchLoop loop = new SearchLoop(store, dir.resolve("results"), new ZooRunFactory(), new SearchLoop.Listener() { });
            loop.start(whole);
            loop.start(whole.withRun("parts").withEpisodes(2));
            loop.resume("parts", OptionalLong.of(4));
            RunAssertions.assertSameRun(store, "whole", "parts");
        }
    }
}
