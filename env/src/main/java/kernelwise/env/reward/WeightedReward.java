package kernelwise.env.reward;

/**
 * Weighted mode (AMC's {@code R = -Error * log(FLOPs)}): {@code -(1 - accuracy) * ln(cost)}, the cost in its own
 * units floored at e so that the logarithm stays at least 1. Lower error and lower cost both raise the reward.
 */
public record WeightedReward() implements RewardFunction {

    @Override
    public String name() {
        return "weighted";
    }

    @Override
    public double reward(Outcome o) {
        return -(1 - o.accuracy()) * Math.log(Math.max(Math.E, o.cost()));
    }
}
