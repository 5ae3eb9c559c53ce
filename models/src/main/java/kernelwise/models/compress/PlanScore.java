package kernelwise.models.compress;

/**
 * A scored plan.
 *
 * @param accuracy fraction of the evaluation split classified correctly
 * @param counts   the plan's exact weight, bit and operation counts
 * @param seconds  wall time to apply and evaluate
 */
public record PlanScore(double accuracy, PlanCounts counts, double seconds) {
}
