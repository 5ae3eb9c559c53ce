package kernelwise.env.action;

import java.util.Arrays;

/**
 * Turns a HIGH action (activation bits, goal weight bits, goal sparsity; each in [0,1]) into a layer's goal, and a
 * goal back into the action that asks for it. Without a prior the action picks levels directly ({@link ActionMapper}).
 * With a {@link Prior} the action's middle is the prior's choice for that layer: a width action moves the prior's
 * level by up to the whole scale either way ({@code level = prior + round((a - 0.5) x (levels - 1))}, clamped), and
 * the sparsity action scales the prior's density by {@code 2^((a - 0.5) x }{@link #DENSITY_OCTAVES}{@code )}
 * (continuously, not on the level grid; density 1 at most). Immutable.
 */
public final class GoalMapper {
    /** Octaves of density the sparsity action spans around the prior. */
    public static final double DENSITY_OCTAVES = 10;

    private final ActionMapper mapper;
    private final Prior prior;

    /**
     * What a layer's goal is relative to: per compressible layer, a weight width and a density, and one activation width.
     *
     * @param weightBits     per layer, one of the weight levels
     * @param density        per layer, in (0,1]
     * @param activationBits one of the activation levels
     */
    public record Prior(int[] weightBits, double[] density, int activationBits) {
        public Prior {
            if (weightBits.length != density.length) throw new IllegalArgumentException("prior needs one width and one density per layer, found "
                    + weightBits.length + " and " + density.length);
            for (double d : density) if (!(d > 0 && d <= 1)) throw new IllegalArgumentException("prior densities must be in (0,1], found " + d);
            weightBits = weightBits.clone();
            density = density.clone();
        }
    }

    /** A layer's goal. */
    public record Goal(int activationBits, int weightBits, double sparsity) {
    }

    /** @param prior null: actions pick levels directly */
    public GoalMapper(ActionMapper mapper, Prior prior) {
        this.mapper = mapper;
        this.prior = prior;
        if (prior != null) {
            for (int b : prior.weightBits()) index(mapper.weightLevels(), b);
            index(mapper.activationLevels(), prior.activationBits());
        }
    }

    /** The prior, or null. */
    public Prior prior() {
        return prior;
    }

    /** The goal HIGH action {@code a} asks of layer {@code layer}. */
    public Goal goal(int layer, double[] a) {
        if (prior == null) return new Goal(mapper.activationBits(a[0]), mapper.weightBits(a[1]), mapper.sparsity(a[2]));
        int act = shifted(mapper.activationLevels(), prior.activationBits(), a[0]);
        int bits = shifted(mapper.weightLevels(), prior.weightBits()[layer], a[1]);
        check(a[2]);
        double density = Math.min(1, prior.density()[layer] * Math.pow(2, (a[2] - 0.5) * DENSITY_OCTAVES));
        return new Goal(act, bits, 1 - density);
    }

    /** The goal entries (weight bits, sparsity) of the HIGH action that asks layer {@code layer} for this goal (nearest level without a prior). */
    public double[] action(int layer, double weightBits, double sparsity) {
        int[] w = mapper.weightLevels();
        int bi = 0;
        for (int i = 1; i < w.length; i++) if (Math.abs(w[i] - weightBits) < Math.abs(w[bi] - weightBits)) bi = i;
        if (prior == null) {
            int n = mapper.sparsityChoices();
            int si = (int) Math.round(mapper.normalizedSparsity(sparsity) * (n - 1));
            return new double[]{mapper.weightAction(bi), mapper.sparsityAction(si)};
        }
        double bitsAction = clamp((bi - index(w, prior.weightBits()[layer])) / (double) (w.length - 1) + 0.5);
        double density = 1 - sparsity;
        double sparsityAction = density <= 0 ? 0 : clamp(Math.log(density / prior.density()[layer]) / Math.log(2) / DENSITY_OCTAVES + 0.5);
        return new double[]{bitsAction, sparsityAction};
    }

    private static int shifted(int[] levels, int from, double a) {
        check(a);
        int i = (int) Math.round(index(levels, from) + (a - 0.5) * (levels.length - 1));
        return levels[Math.max(0, Math.min(levels.length - 1, i))];
    }

    private static int index(int[] levels, int v) {
        int i = Arrays.binarySearch(levels, v);
        if (i < 0) throw new IllegalArgumentException("prior width " + v + " is not one of the levels " + Arrays.toString(levels));
        return i;
    }

    private static void check(double a) {
        if (!(a >= 0 && a <= 1)) throw new IllegalArgumentException("action values must be in [0,1], found " + a);
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }
}
