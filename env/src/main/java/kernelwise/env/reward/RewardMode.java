package kernelwise.env.reward;

import java.util.Arrays;
import java.util.Locale;

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

    /** The command line's name: {@code resource-constrained}, {@code accuracy-guaranteed}, {@code weighted}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** @throws IllegalArgumentException naming the value found and the modes accepted */
    public static RewardMode parse(String text) {
        return Arrays.stream(values()).filter(m -> m.label().equalsIgnoreCase(String.valueOf(text).strip())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("mode must be one of "
                        + Arrays.stream(values()).map(RewardMode::label).toList() + ", found '" + text + "'"));
    }

    /** Whether plans are projected onto the budget. */
    public boolean projects() {
        return this == RESOURCE_CONSTRAINED;
    }
}
