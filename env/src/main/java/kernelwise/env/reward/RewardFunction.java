package kernelwise.env.reward;

/** The extrinsic reward of a finished episode. Implementations are pure functions, hence thread-safe. */
public interface RewardFunction {

    /**
     * What a scored plan achieved.
     *
     * @param accuracy         accuracy of the scored plan, in [0,1]
     * @param baselineAccuracy accuracy of the uncompressed (float) network on the same split
     * @param relativeCost     the budgeted resource over the reference (8-bit) plan's
     * @param cost             the budgeted resource in its own units (cycles, pJ or bits)
     */
    record Outcome(double accuracy, double baselineAccuracy, double relativeCost, double cost) {
    }

    /** A short name. */
    String name();

    double reward(Outcome o);
}
