package kernelwise.models.data;

import java.util.Random;

/**
 * A seeded, fixed split of one pool of examples into parts by fractions: the pool's indices are shuffled once by
 * {@code seed} (Fisher-Yates over {@link Random}) and cut in order, so one seed always gives the same parts.
 *
 * @param validation fraction of the pool that goes to the search-validation split, in [0, 1)
 * @param test       fraction that goes to the test split, in [0, 1)
 * @param seed       the shuffle's seed
 */
public record FractionSplit(double validation, double test, long seed) {

    public FractionSplit {
        if (!(validation >= 0 && validation < 1)) throw new IllegalArgumentException("validation fraction must be in [0, 1), found " + validation);
        if (!(test >= 0 && test < 1)) throw new IllegalArgumentException("test fraction must be in [0, 1), found " + test);
        if (validation + test >= 1) throw new IllegalArgumentException("validation and test fractions must leave examples to train on, found "
                + validation + " + " + test);
    }

    /** The pool's parts: {@code [train, validation, test]} index lists, each in the shuffled order. */
    public int[][] indices(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        Random rnd = new Random(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int v = (int) Math.round(n * validation), t = (int) Math.round(n * test);
        if (validation > 0 && v == 0 || test > 0 && t == 0 || n - v - t <= 0) {
            throw new IllegalArgumentException("cannot split " + n + " examples into train, validation " + validation + " and test " + test
                    + ": a part would be empty");
        }
        return new int[][]{java.util.Arrays.copyOfRange(order, v + t, n), java.util.Arrays.copyOfRange(order, 0, v),
                java.util.Arrays.copyOfRange(order, v, v + t)};
    }
}
