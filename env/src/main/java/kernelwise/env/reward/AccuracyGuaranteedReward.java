package kernelwise.env.reward;

/**
 * Accuracy-guaranteed mode: while the accuracy loss against the baseline stays within {@code maxLoss} (1e-12
 * tolerance) the reward is {@code 1 - relativeCost} (cheaper is better); beyond it the reward is
 * {@code min(1 - relativeCost, 0) - 1 - penalty * excessLoss}: at least 1 below what the same plan would get within
 * the loss, and below every plan within the loss that costs no more than the reference.
 *
 * @param maxLoss allowed accuracy loss (fraction), in [0,1]
 * @param penalty reward lost per unit (fraction) of accuracy loss beyond {@code maxLoss}, positive
 */
public record AccuracyGuaranteedReward(double maxLoss, double penalty) implements RewardFunction {

    public AccuracyGuaranteedReward {
        if (!(maxLoss >= 0 && maxLoss <= 1)) throw new IllegalArgumentException("maxAccuracyLoss must be in [0,1], found " + maxLoss);
        if (!(penalty > 0) || Double.isInfinite(penalty)) throw new IllegalArgumentException("penalty must be positive, found " + penalty);
    }

    @Override
    public String name() {
        return "accuracy-guaranteed";
    }

    @Override
    public double reward(Outcome o) {
        double excess = (o.baselineAccuracy() - o.accuracy()) - maxLoss;
        double within = 1 - o.relativeCost();
        return excess <= 1e-12 ? within : Math.min(within, 0) - 1 - penalty * excess;
    }
}
