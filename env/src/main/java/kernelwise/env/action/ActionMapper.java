package kernelwise.env.action;

import java.util.Arrays;

/**
 * Maps actions in [0,1] to discrete choices: weight bits, activation bits and sparsity levels, each from a sorted
 * set. The unit interval is cut into as many equal bins as there are levels ({@code x=1} falls in the last bin). The
 * discrete view numbers the same levels {@code 0..n-1}; {@link #weightAction(int)} and friends give the action at the
 * centre of a bin, which maps back to that level. Immutable.
 */
public final class ActionMapper {

    private final int[] weightBits;
    private final int[] activationBits;
    private final double[] sparsity;
    private final boolean evenlySpaced;

    /** Levels need not be sorted; they are sorted ascending here. */
    public ActionMapper(int[] weightBits, int[] activationBits, double[] sparsity) {
        this.weightBits = sorted(weightBits, "weightBits");
        this.activationBits = sorted(activationBits, "activationBits");
        if (sparsity.length == 0) throw new IllegalArgumentException("sparsity levels must not be empty, found none");
        this.sparsity = sparsity.clone();
        Arrays.sort(this.sparsity);
        this.evenlySpaced = evenlySpaced(this.sparsity);
    }

    private static boolean evenlySpaced(double[] levels) {
        for (int i = 2; i < levels.length; i++) {
            if (Math.abs((levels[i] - levels[i - 1]) - (levels[1] - levels[0])) > 1e-9) return false;
        }
        return true;
    }

    private static int[] sorted(int[] levels, String name) {
        if (levels.length == 0) throw new IllegalArgumentException(name + " must not be empty, found none");
        int[] c = levels.clone();
        Arrays.sort(c);
        return c;
    }

    /** The bin of {@code x} among {@code n} bins. */
    public static int bin(double x, int n) {
        if (!(x >= 0 && x <= 1)) throw new IllegalArgumentException("action values must be in [0,1], found " + x);
        return Math.min(n - 1, (int) (x * n));
    }

    /** The centre of bin {@code i} of {@code n}. */
    public static double centre(int i, int n) {
        if (i < 0 || i >= n) throw new IllegalArgumentException("choice must be 0.." + (n - 1) + ", found " + i);
        return (i + 0.5) / n;
    }

    public int weightBits(double x) {
        return weightBits[bin(x, weightBits.length)];
    }

    public int activationBits(double x) {
        return activationBits[bin(x, activationBits.length)];
    }

    public double sparsity(double x) {
        return sparsity[bin(x, sparsity.length)];
    }

    public int weightChoices() {
        return weightBits.length;
    }

    public int activationChoices() {
        return activationBits.length;
    }

    public int sparsityChoices() {
        return sparsity.length;
    }

    /** The action that maps to weight-bit choice {@code i}. */
    public double weightAction(int i) {
        return centre(i, weightBits.length);
    }

    public double activationAction(int i) {
        return centre(i, activationBits.length);
    }

    public double sparsityAction(int i) {
        return centre(i, sparsity.length);
    }

    /** The activation-bit choice closest to {@code bits} from above (the largest when none is above). */
    public int activationChoiceAtLeast(int bits) {
        for (int i = 0; i < activationBits.length; i++) if (activationBits[i] >= bits) return i;
        return activationBits.length - 1;
    }

    public int[] weightLevels() {
        return weightBits.clone();
    }

    public int[] activationLevels() {
        return activationBits.clone();
    }

    public double[] sparsityLevels() {
        return sparsity.clone();
    }

    /** {@code bits} scaled to [0,1] between the smallest and largest weight level (clamped). */
    public double normalizedWeightBits(double bits) {
        int lo = weightBits[0], hi = weightBits[weightBits.length - 1];
        return hi == lo ? 0 : clamp((bits - lo) / (hi - lo));
    }

    /**
     * {@code s}'s position on the sparsity scale, in [0,1] (clamped): 0 at the smallest level, 1 at the largest.
     * Evenly spaced levels scale linearly between the two; otherwise (e.g. a log-spaced density scale) the
     * position is interpolated between the neighbouring levels, so that every level step moves it alike.
     */
    public double normalizedSparsity(double s) {
        double lo = sparsity[0], hi = sparsity[sparsity.length - 1];
        if (hi == lo) return 0;
        if (evenlySpaced) return clamp((s - lo) / (hi - lo));
        if (s <= lo) return 0;
        if (s >= hi) return 1;
        int j = 0;
        while (sparsity[j + 1] < s) j++;
        return (j + (s - sparsity[j]) / (sparsity[j + 1] - sparsity[j])) / (sparsity.length - 1);
    }

    static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }
}
