package kernelwise.agents.util;

/**
 * A small PRNG (SplitMix64) whose whole state is one {@code long}, so an agent can save it and continue
 * exactly. Not thread-safe. Gaussians use Box-Muller without a cached spare, so the state stays one number.
 */
public final class Rng {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;
    private static final double DOUBLE_UNIT = 0x1.0p-53;

    private long state;

    public Rng(long seed) {
        this.state = seed;
    }

    /** The whole state; {@link #setState(long)} with it continues the same sequence. */
    public long state() {
        return state;
    }

    public void setState(long state) {
        this.state = state;
    }

    public long nextLong() {
        long z = (state += GOLDEN);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Uniform in [0,1). */
    public double nextDouble() {
        return (nextLong() >>> 11) * DOUBLE_UNIT;
    }

    /** Uniform in [0, bound). */
    public int nextInt(int bound) {
        if (bound <= 0) throw new IllegalArgumentException("bound must be positive, found " + bound);
        return (int) ((nextLong() >>> 33) % bound);
    }

    /** Standard normal. */
    public double nextGaussian() {
        double u1 = 1.0 - nextDouble(); // (0,1]
        double u2 = nextDouble();
        return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
    }

    /**
     * A normal of mean {@code mu} and width {@code sigma} truncated to [lo, hi] (rejection; after 64 rejections,
     * which needs a mean far outside the interval, a uniform draw in [lo, hi]).
     */
    public double truncatedNormal(double mu, double sigma, double lo, double hi) {
        if (sigma <= 0) return Math.min(hi, Math.max(lo, mu));
        for (int i = 0; i < 64; i++) {
            double x = mu + sigma * nextGaussian();
            if (x >= lo && x <= hi) return x;
        }
        return lo + (hi - lo) * nextDouble();
    }

    /** A new generator seeded from this one (advances this one by one step). */
    public Rng split() {
        return new Rng(nextLong());
    }
}
