package kernelwise.models.finetune;

/**
 * The penalised phase of the splitting methods ({@link AdmmMethod}, {@link SlrMethod}): min f(W) s.t. W = Z, Z in the
 * plan's set, with a quadratic penalty {@code rho/2 ||W - Z||^2} whose weight grows after every multiplier update.
 *
 * @param epochs      epochs of penalised training, positive
 * @param updateEvery iterations between multiplier (and Z) updates, positive
 * @param rho         initial penalty weight, positive
 * @param rhoGrowth   factor applied to rho after every update, >= 1
 * @param rhoMax      cap on rho, >= rho
 */
public record PenaltySchedule(int epochs, int updateEvery, double rho, double rhoGrowth, double rhoMax) {

    public PenaltySchedule {
        if (epochs < 1) throw new IllegalArgumentException("epochs must be positive, found " + epochs);
        if (updateEvery < 1) throw new IllegalArgumentException("updateEvery must be positive, found " + updateEvery);
        if (!(rho > 0)) throw new IllegalArgumentException("rho must be positive, found " + rho);
        if (!(rhoGrowth >= 1)) throw new IllegalArgumentException("rhoGrowth must be >= 1, found " + rhoGrowth);
        if (!(rhoMax >= rho)) throw new IllegalArgumentException("rhoMax must be >= rho (" + rho + "), found " + rhoMax);
    }

    /** Defaults for LeNet-5 on MNIST with Adam 1e-3 and minibatches of 64, over {@code epochs}. */
    public static PenaltySchedule defaults(int epochs) {
        return new PenaltySchedule(epochs, 200, 1e-3, 1.25, 0.1);
    }

    /** This schedule with the cap at {@code max}. */
    public PenaltySchedule withRhoMax(double max) {
        return new PenaltySchedule(epochs, updateEvery, rho, rhoGrowth, max);
    }

    /**
     * This schedule with the multipliers updated {@code updatesPerEpoch} times an epoch of {@code batchesPerEpoch}
     * iterations, and rho growing geometrically from {@link #rho()} to {@link #rhoMax()} over the phase.
     */
    public PenaltySchedule scaledTo(int batchesPerEpoch, int updatesPerEpoch) {
        int every = Math.max(1, batchesPerEpoch / Math.max(1, updatesPerEpoch));
        int updates = Math.max(1, epochs * batchesPerEpoch / every);
        return new PenaltySchedule(epochs, every, rho, Math.pow(rhoMax / rho, 1.0 / updates), rhoMax);
    }
}
