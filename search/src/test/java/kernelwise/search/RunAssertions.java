package kernelwise.search;

import kernelwise.search.store.EpisodeRecord;
import kernelwise.search.store.RunStore;
import kernelwise.search.store.Trajectory;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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

    /**
     * As {@link #assertSameRun}, but observations, actions and rewards need only agree within {@code tolerance}: for
     * runs partly played on another machine, whose vector code may round the networks' last bits differently
     * (plans, scores and the best episode must still be the same).
     */
    public static void assertSameRunWithin(RunStore store, String a, String b, float tolerance) throws Exception {
        List<EpisodeRecord> x = store.episodes(a), y = store.episodes(b);
        assertEquals(x.size(), y.size());
        for (int i = 0; i < x.size(); i++) {
            EpisodeRecord p = x.get(i), q = y.get(i);
            assertEquals(p.plan(), q.plan(), "plan of episode " + i);
            assertEquals(p.scores(), q.scores(), "scores of episode " + i);
            Trajectory s = p.trajectory(), t = q.trajectory();
            assertEquals(s.steps(), t.steps(), "steps of episode " + i);
            for (int k = 0; k < s.steps(); k++) {
                assertEquals(s.level(k), t.level(k), "level of episode " + i + " step " + k);
                assertArrayEquals(s.observation(k), t.observation(k), tolerance, "observation of episode " + i + " step " + k);
                assertArrayEquals(s.action(k), t.action(k), tolerance, "action of episode " + i + " step " + k);
                assertEquals(s.reward(k), t.reward(k), tolerance, "reward of episode " + i + " step " + k);
            }
        }
        assertEquals(store.progress(a).bestEpisode(), store.progress(b).bestEpisode());
        assertEquals(store.progress(a).bestScores(), store.progress(b).bestScores());
    }
}
