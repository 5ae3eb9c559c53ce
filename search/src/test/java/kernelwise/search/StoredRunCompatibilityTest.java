package kernelwise.search;

import kernelwise.search.store.EpisodeRecord;
import kernelwise.search.store.RunStore;
import kernelwise.search.store.Scores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.OptionalLong;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A store written by an earlier version (test resources {@code stores/v1}, made as its README says) still resumes:
 * its configuration is read, its agent checkpoint restored, and the episodes it goes on with are those the old code
 * played when it resumed the same store, and those of a run started afresh with the stored configuration.
 */
class StoredRunCompatibilityTest {
    private static final SearchLoop.Listener QUIET = new SearchLoop.Listener() { };

    @TempDir
    Path dir;

    @Test
    void givenASchema1Store_whenResumed_thenItContinuesAsTheOldCodeDidAndAsAFreshRunWould() throws Exception {
        Path model = Path.of("target/store-v1/tiny-mlp.zip");   // the path the stored configuration names, relative to search/
        Files.createDirectories(model.getParent());
        copy("tiny-mlp.zip", model);
        Path db = dir.resolve("v1.db");
        try (InputStream in = new GZIPInputStream(resource("v1.db.gz"))) {
            Files.copy(in, db);
        }
        try (RunStore store = RunStore.open(db)) {
            SearchLoop loop = new SearchLoop(store, dir.resolve("results"), new ZooRunFactory(), QUIET);
            loop.resume("old-run", OptionalLong.of(5));
            SearchConfig stored = SearchConfig.fromJson(store.info("old-run").orElseThrow().configJson());
            loop.start(stored.withRun("fresh").withEpisodes(5));
            // the stored episodes and checkpoint were computed on another machine: its vector code may round the agent's
            // networks' last bits differently (seen: 1 ulp in an action), so the trajectories agree to 1e-5, plans and scores exactly
            RunAssertions.assertSameRunWithin(store, "old-run", "fresh", 1e-5f);
            assertSameScores(expectedByOldCode(), store.episodes("old-run"));
        }
    }

    /** Accuracy, reward and costs of each episode as the old code's {@code episodes.csv} printed them. */
    private static void assertSameScores(List<String[]> expected, List<EpisodeRecord> episodes) {
        assertEquals(expected.size(), episodes.size());
        for (int i = 0; i < episodes.size(); i++) {
            String[] e = expected.get(i);
            Scores s = episodes.get(i).scores();
            assertEquals(Double.parseDouble(e[1]), s.reward(), 1e-6, "reward of episode " + i);
            assertEquals(Double.parseDouble(e[2]), s.accuracy(), 1e-6, "accuracy of episode " + i);
            assertEquals(Double.parseDouble(e[3]), s.relativeCost(), 1e-6, "relative cost of episode " + i);
            assertEquals(Double.parseDouble(e[4]), s.cycles(), 0.05, "cycles of episode " + i);
            assertEquals(Long.parseLong(e[7]), s.storageBits(), "size of episode " + i);
        }
    }

    private static List<String[]> expectedByOldCode() throws Exception {
        try (InputStream in = resource("continued-episodes.csv")) {
            return new String(in.readAllBytes()).lines().skip(1).map(l -> l.split(",")).toList();
        }
    }

    private static void copy(String name, Path to) throws Exception {
        try (InputStream in = resource(name)) {
            Files.copy(in, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static InputStream resource(String name) {
        return StoredRunCompatibilityTest.class.getResourceAsStream("/stores/v1/" + name);
    }
}
