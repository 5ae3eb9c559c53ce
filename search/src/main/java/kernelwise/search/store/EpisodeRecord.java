package kernelwise.search.store;

import kernelwise.agents.Episode;
import kernelwise.models.plan.CompressionPlan;

/**
 * One stored episode.
 *
 * @param index          episode number, 0-based
 * @param plan           the plan scored (after budget projection)
 * @param scores         its figures
 * @param trajectory     the steps the agent took
 * @param agentSeconds   wall time the agent spent choosing and learning
 * @param scoreSeconds   wall time spent applying and scoring the plan
 * @param wallSeconds    wall time of the whole episode, checkpoint included
 * @param finishedMillis when the episode finished, epoch milliseconds
 */
public record EpisodeRecord(long index, CompressionPlan plan, Scores scores, Trajectory trajectory,
                            double agentSeconds, double scoreSeconds, double wallSeconds, long finishedMillis) {

    public EpisodeRecord {
        if (index < 0) throw new IllegalArgumentException("episode index must be >= 0, found " + index);
        if (plan == null || scores == null || trajectory == null) {
            throw new IllegalArgumentException("episode " + index + ": plan, scores and trajectory must not be null");
        }
    }

    public static EpisodeRecord of(Episode e, double wallSeconds, long finishedMillis) {
        return new EpisodeRecord(e.index(), e.result().plan(), Scores.of(e.result()), Trajectory.of(e.trajectory()),
                e.agentSeconds(), e.result().scoreSeconds(), wallSeconds, finishedMillis);
    }

    /** Whether the two episodes took the same steps to the same plan and scores (times ignored). */
    public boolean sameOutcome(EpisodeRecord o) {
        return index == o.index && plan.equals(o.plan) && scores.equals(o.scores) && trajectory.equals(o.trajectory);
    }
}
