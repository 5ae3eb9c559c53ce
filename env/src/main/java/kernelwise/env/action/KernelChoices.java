package kernelwise.env.action;

import kernelwise.models.compress.KernelMagnitudes;
import kernelwise.models.plan.NetworkSpec;

import java.util.Arrays;

/**
 * Turns a layer's goal and its kernels' LOW actions into per-kernel bits and sparsities, as its
 * {@link KernelAllocation} says. Holds the current layer's goal between {@link #startLayer} and its kernels'
 * choices; one instance per environment, not thread-safe.
 */
public final class KernelChoices {
    /** Bit levels a relative bits action moves the goal bits by, at most, either way. */
    static final int BIT_SHIFT = 2;
    /** log2 of the most a relative sparsity action scales the layer's threshold by, either way. */
    static final double THRESHOLD_OCTAVES = 2;
    /** Relative sparsity actions below this remove the kernel. */
    static final double REMOVE_BELOW = 0.05;

    private final KernelAllocation allocation;
    private final ActionMapper mapper;
    private final NetworkSpec spec;
    private final KernelMagnitudes magnitudes;
    private final int[] bitLevels;
    private int layer;
    private int goalBits;
    private double goalSparsity;
    private float threshold;

    /** @param magnitudes the network's weight magnitudes; needed for {@link KernelAllocation#MAGNITUDE} only */
    public KernelChoices(KernelAllocation allocation, ActionMapper mapper, NetworkSpec spec, KernelMagnitudes magnitudes) {
        if (allocation == KernelAllocation.MAGNITUDE && magnitudes == null) {
            throw new IllegalArgumentException("magnitude allocation needs the network's weight magnitudes, found none");
        }
        this.allocation = allocation;
        this.mapper = mapper;
        this.spec = spec;
        this.magnitudes = magnitudes;
        this.bitLevels = mapper.weightLevels();
    }

    public KernelAllocation allocation() {
        return allocation;
    }

    /** Starts layer {@code layer} with its goal. */
    public void startLayer(int layer, int goalBits, double goalSparsity) {
        this.layer = layer;
        this.goalBits = goalBits;
        this.goalSparsity = goalSparsity;
        if (allocation == KernelAllocation.MAGNITUDE) threshold = magnitudes.threshold(layer, 1 - goalSparsity);
    }

    /** Every kernel of the current layer following the goal (the flat view), written into the arrays. */
    public void follow(int[] bits, double[] sparsity) {
        Arrays.fill(bits, goalBits);
        if (allocation == KernelAllocation.UNIFORM) Arrays.fill(sparsity, goalSparsity);
        else for (int k = 0; k < sparsity.length; k++) sparsity[k] = sparsityAt(k, threshold);
    }

    /** The bits of a kernel whose LOW bits action is {@code a}. */
    public int bits(double a) {
        if (allocation == KernelAllocation.UNIFORM) return mapper.weightBits(a);
        int goal = Arrays.binarySearch(bitLevels, goalBits);
        int shift = ActionMapper.bin(a, 2 * BIT_SHIFT + 1) - BIT_SHIFT;
        return bitLevels[Math.max(0, Math.min(bitLevels.length - 1, goal + shift))];
    }

    /** The sparsity of kernel {@code kernel} of the current layer whose LOW sparsity action is {@code a}. */
    public double sparsity(int kernel, double a) {
        if (allocation == KernelAllocation.UNIFORM) return mapper.sparsity(a);
        if (!(a >= 0 && a <= 1)) throw new IllegalArgumentException("action values must be in [0,1], found " + a);
        if (a < REMOVE_BELOW) return 1.0;
        return sparsityAt(kernel, threshold * Math.pow(2, 2 * THRESHOLD_OCTAVES * (0.5 - a)));
    }

    /** The sparsity kernel {@code kernel} of the current layer gets when it follows the goal (the neutral action). */
    public double followedSparsity(int kernel) {
        return allocation == KernelAllocation.UNIFORM ? goalSparsity : sparsityAt(kernel, threshold);
    }

    /** The LOW action that follows the layer's goal {@code goal} (LOW-action units) exactly. */
    public double[] neutralLowAction(double[] goal) {
        if (allocation == KernelAllocation.UNIFORM) return goal.clone();
        double[] a = new double[goal.length];
        Arrays.fill(a, 0.5);
        return a;
    }

    private double sparsityAt(int kernel, double t) {
        int fanIn = spec.layer(layer).fanIn();
        return (fanIn - magnitudes.kept(layer, kernel, t)) / (double) fanIn;
    }
}
