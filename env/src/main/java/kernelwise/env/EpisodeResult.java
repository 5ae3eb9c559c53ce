package kernelwise.env;

import kernelwise.models.plan.CompressionPlan;

/**
 * How a finished episode (or a directly scored plan) came out.
 *
 * @param proposed     the plan the agent's actions described
 * @param plan         the plan actually scored: {@code proposed} after budget projection
 * @param accuracy     accuracy of {@code plan} on the search-validation split, in [0,1]
 * @param cost         its hardware cost
 * @param relativeCost {@code cost} of the budgeted resource over the reference plan's (the 8-bit plan)
 * @param reward       the extrinsic reward
 * @param scoreSeconds wall time spent applying and scoring the plan
 */
public record EpisodeResult(CompressionPlan proposed, CompressionPlan plan, double accuracy, Cost cost,
                            double relativeCost, double reward, double scoreSeconds) {
}
