package kernelwise.env.reward;

/** How the extrinsic reward trades accuracy against cost. */
public enum RewardMode {
    /** Every finished plan is projected onto the budget; the reward is the accuracy change ({@link AccuracyReward}). */
    RESOURCE_CONSTRAINED,
    /** No projection; cost is rewarded while accuracy stays within a loss ({@link AccuracyGuaranteedReward}). */
    ACCURACY_GUARANTEED,
    /** No projection; AMC's {@code -error * log(cost)} ({@link WeightedReward}). */
    WEIGHTED;

    /** Default penalty per unit of excess accuracy loss in accuracy-guaranteed mode. */
    public static final double PENALTY = 100;
    /** Default reward scale in resource-constrained mode (HAQ's 0.1 per percentage point). */
    public static final double ACCURACY_SCALE = 10;

    /** This mode's reward function. */
    public RewardFunction reward(double maxAccuracyLoss) {
        return switch (this) {
            case RESOURCE_CONSTRAINED -> new AccuracyReward(ACCURACY_SCALE);
            case ACCURACY_GUARANTEED -> new AccuracyGuaranteedReward(maxAccuracyLoss, PENALTY);
            case WEIGHTED -> new WeightedReward();
        };
    }

    /** Whether plans are projected onto the budget. */
    public boolean projects() {
        return this == RESOURCE_CONSTRAINED;
    }
}
