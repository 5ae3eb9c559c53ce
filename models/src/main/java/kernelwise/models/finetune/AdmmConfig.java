package kernelwise.models.finetune;

/**
 * Settings of {@link AdmmMethod}.
 *
 * @param epochs        epochs of penalised training (the ADMM phase)
 * @param retrainEpochs epochs of masked quantization-aware retraining after the hard projection
 * @param updateEvery   iterations between updates of Z and U
 * @param rho           initial penalty weight
 * @param rhoGrowth     factor applied to rho after every Z and U update (>= 1)
 * @param rhoMax        cap on rho
 */
public record AdmmConfig(int epochs, int retrainEpochs, int updateEvery, double rho, double rhoGrowth, double rhoMax) {

    public AdmmConfig {
        if (epochs < 1) throw new IllegalArgumentException("epochs must be positive, found " + epochs);
        if (retrainEpochs < 0) throw new IllegalArgumentException("retrainEpochs must be >= 0, found " + retrainEpochs);
        if (updateEvery < 1) throw new IllegalArgumentException("updateEvery must be positive, found " + updateEvery);
        if (!(rho > 0)) throw new IllegalArgumentException("rho must be positive, found " + rho);
        if (!(rhoGrowth >= 1)) throw new IllegalArgumentException("rhoGrowth must be >= 1, found " + rhoGrowth);
        if (!(rhoMax >= rho)) throw new IllegalArgumentException("rhoMax must be >= rho (" + rho + "), found " + rhoMax);
    }

    /**
     * These settings with the dual updated {@code updatesPerEpoch} times an epoch of {@code batchesPerEpoch}
     * iterations, and rho growing geometrically from {@link #rho()} to {@link #rhoMax()} over the ADMM phase.
     */
    public AdmmConfig scaledTo(int batchesPerEpoch, int updatesPerEpoch) {
        int every = Math.max(1, batchesPerEpoch / Math.max(1, updatesPerEpoch));
        int updates = Math.max(1, epochs * batchesPerEpoch / every);
        return new AdmmConfig(epochs, retrainEpochs, every, rho, Math.pow(rhoMax / rho, 1.0 / updates), rhoMax);
    }

    /** Defaults for LeNet-5 on MNIST with Adam 1e-3 and minibatches of 64. */
    public AdmmConfig() {
        this(3, 1, 200, 1e-3, 1.25, 0.1);
    }
}
