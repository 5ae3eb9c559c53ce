package kernelwise.search;

import kernelwise.env.HierarchicalEnv;
import kernelwise.models.plan.CompressionPlan;
import kernelwise.search.store.EpisodeRecord;
import kernelwise.search.store.RunProgress;
import kernelwise.search.store.RunStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.*;

class SearchLoopTest {
    private static final SearchLoop.Listener QUIET = new SearchLoop.Listener() { };

    @TempDir
    Path dir;

    static SearchConfig toy(String run, int episodes, int checkpointEvery) {
        return SearchConfig.builder().run(run).model("toy").agent("random").episodes(episodes).seed(5).evalImages(100)
                .checkpointEvery(checkpointEvery).build();
    }

    @Test
    void givenAToyRun_whenPlayed_thenEveryEpisodeIsStoredAndTheFilesWritten() throws Exception {
        try (RunStore store = RunStore.open(dir.resolve("k.db"))) {
            RunProgress p = new SearchLoop(store, dir, new ToyRunFactory(), QUIET).start(toy("a", 8, 1));
            assertEquals(8, p.episodesDone());
            List<EpisodeRecord> eps = store.episodes("a");
            assertEquals(8, eps.size());
            EpisodeRecord best = PlanChoice.REWARD.choose(eps, 0);
            assertEquals(best.index(), p.bestEpisode());
            assertEquals(best.plan(), CompressionPlan.read(dir.resolve("a/best-plan.json")));
            assertEquals(9, Files.readAllLines(dir.resolve("a/episodes.csv")).size());
            String logText = Files.readString(dir.resolve("a/search.log"));
            assertTrue(logText.contains("episode 7: reward"), logText);
            assertTrue(store.info("a").orElseThrow().provenanceJson().contains("\"seed\":5"));
        }
    }

    @Test
    void givenARunStoppedAndResumed_whenCompared_thenIdenticalToTheUninterruptedRun() throws Exception {
        try (RunStore store = RunStore.open(dir.resolve("k.db"))) {
            SearchLoop loop = new SearchLoop(store, dir, new ToyRunFactory(), QUIET);
            loop.start(toy("whole", 12, 1));
            loop.start(toy("parts", 5, 1));
            loop.resume("parts", OptionalLong.of(9));
            RunProgress p = loop.resume("parts", OptionalLong.of(12));
            RunAssertions.assertSameRun(store, "whole", "parts");
            assertEquals(store.progress("whole").fronts(), p.fronts());
        }
    }

    @Test
    void givenCheckpointsEveryThreeEpisodes_whenResumed_thenTheEpisodesSinceAreReplayedAndTheRunIsIdentical() throws Exception {
        try (RunStore store = RunStore.open(dir.resolve("k.db"))) {
            SearchLoop loop = new SearchLoop(store, dir, new ToyRunFactory(), QUIET);
            loop.start(toy("whole", 11, 3));
            SearchLoop crashing = new SearchLoop(store, dir, config -> crashAt(5, new ToyRunFactory().build(config)), QUIET);
            assertThrows(IllegalStateException.class, () -> crashing.start(toy("parts", 11, 3)));
            assertEquals(5, store.progress("parts").episodesDone());
            assertEquals(3, store.checkpoint("parts").orElseThrow().episodes());
            loop.resume("parts", OptionalLong.empty());
            RunAssertions.assertSameRun(store, "whole", "parts");
            assertTrue(Files.readString(dir.resolve("parts/search.log")).contains("replayed episode"), "nothing replayed");
        }
    }

    @Test
    void givenAnUnknownModel_whenStarted_thenRefusedAndNothingStored() throws Exception {
        try (RunStore store = RunStore.open(dir.resolve("k.db"))) {
            SearchLoop loop = new SearchLoop(store, dir, new ToyRunFactory(), QUIET);
            loop.start(toy("a", 2, 1));
            SearchConfig bad = SearchConfig.builder().run("b").model("resnet999").agent("random").episodes(2).build();
            assertThrows(IllegalArgumentException.class, () -> loop.start(bad));
            assertEquals(List.of("a"), store.runNames());
            assertFalse(Files.exists(dir.resolve("b")), "a failed start leaves no run folder");
            assertThrows(IllegalArgumentException.class, () -> loop.start(toy("a", 3, 1)), "an existing name is refused");
            assertEquals(2, store.progress("a").targetEpisodes());
        }
    }

    @Test
    void givenAnotherModelThanTheRunStartedWith_whenResumed_thenRefusedAndNothingChanges() throws Exception {
        try (RunStore store = RunStore.open(dir.resolve("k.db"))) {
            new SearchLoop(store, dir, new ToyRunFactory(), QUIET).start(toy("a", 3, 1));
            RunFactory retrained = config -> {
                RunParts p = new ToyRunFactory().build(config);
                return new RunParts(p.env(), p.agent(), java.util.Map.of("modelSha256", "another"));
            };
            RunMismatchException e = assertThrows(RunMismatchException.class,
                    () -> new SearchLoop(store, dir, retrained, QUIET).resume("a", OptionalLong.of(5)));
            assertTrue(e.getMessage().contains("started on another model"), e.getMessage());
            assertEquals(3, store.progress("a").episodesDone());
            assertEquals(3, store.progress("a").targetEpisodes());
        }
    }

    /** The same parts, except that scoring episode {@code n} throws, as a crash would stop the run. */
    static RunParts crashAt(int n, RunParts parts) {
        HierarchicalEnv env = parts.env();
        HierarchicalEnv crashing = (HierarchicalEnv) java.lang.reflect.Proxy.newProxyInstance(HierarchicalEnv.class.getClassLoader(),
                new Class<?>[]{HierarchicalEnv.class}, new java.lang.reflect.InvocationHandler() {
                    int resets;

                    @Override
                    public Object invoke(Object proxy, java.lang.reflect.Method m, Object[] args) throws Throwable {
                        if (m.getName().equals("reset") && resets++ == n) throw new IllegalStateException("simulated crash in episode " + n);
                        try {
                            return m.invoke(env, args);
                        } catch (java.lang.reflect.InvocationTargetException e) {
                            throw e.getCause();
                        }
                    }
                });
        return new RunParts(crashing, parts.agent(), parts.provenance());
    }

}
