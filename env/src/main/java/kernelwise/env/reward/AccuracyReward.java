package kernelwise.env.reward;

/**
 * Resource-constrained mode (HAQ): the budget projector guarantees the cost, so the reward is the accuracy change,
 * {@code scale * (accuracy - baseline)}. HAQ uses 0.1 per percentage point, i.e. {@code scale = 10} on fractions.
 *
 * @param scale reward per unit of accuracy (fraction)
 */
public record AccuracyReward(double scale) implements RewardFunction {

    public AccuracyReward {
        if (!(scale > 0) || Double.isInfinite(scale)) throw new IllegalArgumentException("reward scale must be positive, found " + scale);
    }

    @Override
    public String name() {
        return "accuracy";
    }

    @Override
    public double reward(Outcome o) {
        return scale * (o.accuracy() - o.baselineAccuracy());
    }
}
