package kernelwise.models.finetune;

/**
 * Settings of {@link SlrMethod}.
 *
 * @param epochs        epochs of penalised training (the SLR phase)
 * @param retrainEpochs epochs of masked quantization-aware retraining after the hard projection
 * @param updateEvery   iterations of the W-subproblem between multiplier updates
 * @param rho           initial penalty weight (quadratic term rho/2 ||W - Z||^2)
 * @param rhoGrowth     factor applied to rho after every SLR round (>= 1)
 * @param rhoMax        cap on rho
 * @param step0         the first multiplier step size s_0
 * @param m             M &gt; 1 in alpha_k = 1 - 1/(M k^(1 - 1/k^r))
 * @param r             r in (0, 1) in the same rule
 * @param probeSize     examples of the validation split on which f(W) is measured for the optimality condition
 */
public record SlrConfig(int epochs, int retrainEpochs, int updateEvery, double rho, double rhoGrowth, double rhoMax,
                        double step0, double m, double r, int probeSize) {

    public SlrConfig {
        if (epochs < 1) throw new IllegalArgumentException("epochs must be positive, found " + epochs);
        if (retrainEpochs < 0) throw new IllegalArgumentException("retrainEpochs must be >= 0, found " + retrainEpochs);
        if (updateEvery < 1) throw new IllegalArgumentException("updateEvery must be positive, found " + updateEvery);
        if (!(rho > 0)) throw new IllegalArgumentException("rho must be positive, found " + rho);
        if (!(rhoGrowth >= 1)) throw new IllegalArgumentException("rhoGrowth must be >= 1, found " + rhoGrowth);
        if (!(rhoMax >= rho)) throw new IllegalArgumentException("rhoMax must be >= rho (" + rho + "), found " + rhoMax);
        if (!(step0 > 0)) throw new IllegalArgumentException("step0 must be positive, found " + step0);
        if (!(m > 1)) throw new IllegalArgumentException("m must be > 1, found " + m);
        if (!(r > 0 && r < 1)) throw new IllegalArgumentException("r must be in (0,1), found " + r);
        if (probeSize < 1) throw new IllegalArgumentException("probeSize must be positive, found " + probeSize);
    }

    /** As {@link AdmmConfig#scaledTo}: rounds per epoch and rho growing from {@link #rho()} to {@link #rhoMax()}. */
    public SlrConfig scaledTo(int batchesPerEpoch, int roundsPerEpoch) {
        int every = Math.max(1, batchesPerEpoch / Math.max(1, roundsPerEpoch));
        int rounds = Math.max(1, epochs * batchesPerEpoch / every);
        return new SlrConfig(epochs, retrainEpochs, every, rho, Math.pow(rhoMax / rho, 1.0 / rounds), rhoMax, step0, m, r, probeSize);
    }

    /** Defaults for LeNet-5 on MNIST with Adam 1e-3 and minibatches of 64. */
    public SlrConfig() {
        this(3, 1, 200, 1e-3, 1.25, 0.1, 1e-3, 20, 0.1, 500);
    }

    /** alpha_k of the step-size rule, for k >= 1. */
    public double alpha(int k) {
        return 1 - 1 / (m * Math.pow(k, 1 - 1 / Math.pow(k, r)));
    }
}
