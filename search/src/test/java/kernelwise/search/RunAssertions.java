package kernelwise.search;

import kernelwise.search.store.EpisodeRecord;
import kernelwise.search.store.RunStore;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Checks that two stored runs took the same steps to the same plans, scores and best plan. */
public final class RunAssertions {
    private RunAssertions() {
    }

    public static void assertSameRun(RunStore store, String a, String b) throws Exception {
        List<EpisodeRecord> x = store.episodes(a), y = store.episodes(b);
        assertEquals(x.size(), y.size());
        for (int i = 0; i < x.size(); i++) assertTrue(x.get(i).sameOutcome(y.get(i)), "episode " + i + " differs");
        assertEquals(store.progress(a).bestEpisode(), store.progress(b).bestEpisode());
        assertEquals(store.progress(a).bestScores(), store.progress(b).bestScores());
    }
}
