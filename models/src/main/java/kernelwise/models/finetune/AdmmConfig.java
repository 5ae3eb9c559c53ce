package kernelwise.models.finetune;

/**
 * Settings of {@link AdmmMethod}.
 *
 * @param penalty    the ADMM phase: its epochs, how often Z and U are updated, rho and its growth
 * @param retraining the masked quantization-aware retraining after the hard projection
 */
public record AdmmConfig(PenaltySchedule penalty, Retraining retraining) {

    public AdmmConfig {
        if (penalty == null || retraining == null) throw new IllegalArgumentException("penalty and retraining must not be null");
    }

    /** Defaults for LeNet-5 on MNIST with Adam 1e-3 and minibatches of 64: 3 epochs of ADMM, 1 of retraining. */
    public AdmmConfig() {
        this(PenaltySchedule.defaults(3), new Retraining(1));
    }

    /** These settings with the penalty {@link PenaltySchedule#scaledTo scaled to} the epoch's minibatches. */
    public AdmmConfig scaledTo(int batchesPerEpoch, int updatesPerEpoch) {
        return new AdmmConfig(penalty.scaledTo(batchesPerEpoch, updatesPerEpoch), retraining);
    }
}
