package kernelwise.env.obs;

import java.util.Arrays;

/**
 * Where an episode stands, as the observations need it. One instance per environment, overwritten in place during
 * an episode (no allocation per step). Fields are public for the environment's hot path; nothing else writes them.
 */
public final class Progress {

    /** The current layer. */
    public int layer;
    /** The next kernel of the current layer to decide (LOW steps). */
    public int kernel;
    /** Budgeted resource spent by the decided layers, in the resource's units. */
    public double spent;
    /** The current layer's goal: weight bits and sparsity. */
    public int goalBits;
    public double goalSparsity;
    /** Sums over the decided kernels of the current layer. */
    public double sumBits;
    public double sumSparsity;
    /** Sum of the sparsities the decided kernels would get by following the goal (magnitude allocation). */
    public double sumFollowedSparsity;
    public int decided;
    /** The last HIGH action (3 values) and the last LOW action (2 values), zero at the start. */
    public final double[] previousHigh = new double[3];
    public final double[] previousLow = new double[2];

    /** Back to the start of an episode. */
    public void reset() {
        layer = 0;
        kernel = 0;
        spent = 0;
        goalBits = 0;
        goalSparsity = 0;
        startLayer();
        Arrays.fill(previousHigh, 0);
        Arrays.fill(previousLow, 0);
    }

    /** Clears the per-layer sums. */
    public void startLayer() {
        kernel = 0;
        sumBits = 0;
        sumSparsity = 0;
        sumFollowedSparsity = 0;
        decided = 0;
    }
}
