package kernelwise.models.finetune;

/**
 * Settings of {@link SlrMethod}.
 *
 * @param penalty    the SLR phase: its epochs, iterations of the W-subproblem between multiplier rounds, rho
 *                   (quadratic term rho/2 ||W - Z||^2) and its growth per round
 * @param retraining the masked quantization-aware retraining after the hard projection
 * @param step0      the first multiplier step size s_0
 * @param m          M &gt; 1 in alpha_k = 1 - 1/(M k^(1 - 1/k^r))
 * @param r          r in (0, 1) in the same rule
 * @param probeSize  examples of the validation split on which f(W) is measured for the optimality condition
 */
public record SlrConfig(PenaltySchedule penalty, Retraining retraining, double step0, double m, double r, int probeSize) {

    public SlrConfig {
        if (penalty == null || retraining == null) throw new IllegalArgumentException("penalty and retraining must not be null");
        if (!(step0 > 0)) throw new IllegalArgumentException("step0 must be positive, found " + step0);
        if (!(m > 1)) throw new IllegalArgumentException("m must be > 1, found " + m);
        if (!(r > 0 && r < 1)) throw new IllegalArgumentException("r must be in (0,1), found " + r);
        if (probeSize < 1) throw new IllegalArgumentException("probeSize must be positive, found " + probeSize);
    }

    /** Defaults for LeNet-5 on MNIST with Adam 1e-3 and minibatches of 64: 3 epochs of SLR, 1 of retraining. */
    public SlrConfig() {
        this(PenaltySchedule.defaults(3), new Retraining(1), 1e-3, 20, 0.1, 500);
    }

    /** These settings with the penalty {@link PenaltySchedule#scaledTo scaled to} the epoch's minibatches. */
    public SlrConfig scaledTo(int batchesPerEpoch, int roundsPerEpoch) {
        return new SlrConfig(penalty.scaledTo(batchesPerEpoch, roundsPerEpoch), retraining, step0, m, r, probeSize);
    }

    /** These settings with another penalty schedule. */
    public SlrConfig withPenalty(PenaltySchedule p) {
        return new SlrConfig(p, retraining, step0, m, r, probeSize);
    }

    /** These settings with another retraining. */
    public SlrConfig withRetraining(Retraining t) {
        return new SlrConfig(penalty, t, step0, m, r, probeSize);
    }

    /** alpha_k of the step-size rule, for k >= 1. */
    public double alpha(int k) {
        return 1 - 1 / (m * Math.pow(k, 1 - 1 / Math.pow(k, r)));
    }
}
