package kernelwise.env.reward;

/**
 * The intrinsic reward of a LOW step: minus the distance between what the layer's kernels decided so far achieve
 * (mean weight bits and mean sparsity, each normalised to [0,1]) and the layer's goal, the two distances averaged.
 * In [-1, 0]; 0 when the kernels so far meet the goal exactly.
 */
public final class GoalReward {

    private GoalReward() {
    }

    /** All arguments normalised to [0,1]. */
    public static double of(double achievedBits, double goalBits, double achievedSparsity, double goalSparsity) {
        return -0.5 * (Math.abs(achievedBits - goalBits) + Math.abs(achievedSparsity - goalSparsity));
    }
}
