package kernelwise.models.finetune;

import java.util.List;

/** The methods by name, with settings scaled to a given number of method and retraining epochs. */
public final class FinetuneMethods {

    /** The names of the methods: the one list every caller checks against. */
    public static final List<String> NAMES = List.of("qat", "admm", "slr", "autoprune", "bnn");

    /** Multiplier updates per epoch of ADMM and SLR. */
    static final int UPDATES_PER_EPOCH = 4;

    private FinetuneMethods() {
    }

    /**
     * The method {@code m} names with the default settings for LeNet-5/MNIST except its epochs, retraining and options
     * ({@code bnn} gives {@code epochs / 2} to binarizing and the rest to gradual pruning).
     *
     * @param batchesPerEpoch minibatches per training epoch (ADMM and SLR update their multipliers 4 times an epoch)
     */
    public static FinetuneMethod create(FinetuneRequest.Method m, int batchesPerEpoch) {
        if (batchesPerEpoch < 1) throw new IllegalArgumentException("batchesPerEpoch must be positive, found " + batchesPerEpoch);
        int epochs = m.epochs();
        Retraining retraining = m.retraining();
        return switch (m.name()) {
            case "qat" -> new ProjectThenRetrainMethod(new Retraining(epochs + retraining.epochs(), retraining.finalLrFactor()));
            case "admm" -> new AdmmMethod(new AdmmConfig(penalty(epochs, m.rhoMax()), retraining).scaledTo(batchesPerEpoch, UPDATES_PER_EPOCH));
            case "slr" -> new SlrMethod(new SlrConfig().withPenalty(penalty(epochs, m.rhoMax())).scaledTo(batchesPerEpoch, UPDATES_PER_EPOCH)
                    .withRetraining(retraining));
            case "autoprune" -> {
                AutoPruneConfig d = new AutoPruneConfig();
                yield new AutoPruneMethod(new AutoPruneConfig(epochs, retraining, d.gateLearningRate(), d.lambda(), d.lambdaRate()));
            }
            case "bnn" -> {
                BinaryPruneConfig d = new BinaryPruneConfig();
                yield new BinaryPruneMethod(new BinaryPruneConfig(epochs / 2, Math.max(1, epochs - epochs / 2), retraining,
                        d.sparsities(), d.probeSize(), d.reallocate() && !m.keepPlan()));
            }
            default -> throw new IllegalStateException("method " + m.name() + " is in NAMES but has no case here");
        };
    }

    private static PenaltySchedule penalty(int epochs, Double rhoMax) {
        PenaltySchedule d = PenaltySchedule.defaults(epochs);
        return rhoMax != null ? d.withRhoMax(rhoMax) : d;
    }
}
