package kernelwise.models.finetune;

import java.util.List;

/** The methods by name, with settings scaled to a given number of method and retraining epochs. */
public final class FinetuneMethods {

    /** The names {@link #create} accepts. */
    public static final List<String> NAMES = List.of("qat", "admm", "slr", "autoprune", "bnn");

    /** Multiplier updates per epoch of ADMM and SLR. */
    static final int UPDATES_PER_EPOCH = 4;

    private FinetuneMethods() {
    }

    /**
     * A method with the default settings for LeNet-5/MNIST except its epochs.
     *
     * @param name          one of {@link #NAMES}
     * @param epochs        epochs of the method's own phase ({@code qat} retrains {@code epochs + retrainEpochs}, so every method trains as long; {@code bnn} gives
     *                      {@code epochs / 2} to binarizing and the rest to gradual pruning)
     * @param retrainEpochs epochs of masked quantization-aware retraining at the end
     * @param batchesPerEpoch minibatches per training epoch (ADMM and SLR update their multipliers 4 times an epoch)
     */
    public static FinetuneMethod create(String name, int epochs, int retrainEpochs, int batchesPerEpoch) {
        return create(name, epochs, retrainEpochs, batchesPerEpoch, false);
    }

    /** As {@link #create(String, int, int, int)}; with {@code keepPlan}, {@code bnn} meets the given plan instead of re-dividing it. */
    public static FinetuneMethod create(String name, int epochs, int retrainEpochs, int batchesPerEpoch, boolean keepPlan) {
        return create(name, epochs, retrainEpochs, batchesPerEpoch, keepPlan, null);
    }

    /** As {@link #create(String, int, int, int, boolean)}; a non-null {@code rhoMax} caps ADMM's and SLR's penalty there instead of at their defaults. */
    public static FinetuneMethod create(String name, int epochs, int retrainEpochs, int batchesPerEpoch, boolean keepPlan, Double rhoMax) {
        if (batchesPerEpoch < 1) throw new IllegalArgumentException("batchesPerEpoch must be positive, found " + batchesPerEpoch);
        if (epochs < 1) throw new IllegalArgumentException("epochs must be positive, found " + epochs);
        return switch (name) {
            case "qat" -> new ProjectThenRetrainMethod(epochs + retrainEpochs);
            case "admm" -> {
                AdmmConfig d = new AdmmConfig();
                yield new AdmmMethod(new AdmmConfig(epochs, retrainEpochs, d.updateEvery(), d.rho(), d.rhoGrowth(), rhoMax != null ? rhoMax : d.rhoMax())
                        .scaledTo(batchesPerEpoch, UPDATES_PER_EPOCH));
            }
            case "slr" -> {
                SlrConfig d = new SlrConfig();
                yield new SlrMethod(new SlrConfig(epochs, retrainEpochs, d.updateEvery(), d.rho(), d.rhoGrowth(), rhoMax != null ? rhoMax : d.rhoMax(),
                        d.step0(), d.m(), d.r(), d.probeSize()).scaledTo(batchesPerEpoch, UPDATES_PER_EPOCH));
            }
            case "autoprune" -> {
                AutoPruneConfig d = new AutoPruneConfig();
                yield new AutoPruneMethod(new AutoPruneConfig(epochs, retrainEpochs, d.gateLearningRate(), d.lambda(), d.lambdaRate()));
            }
            case "bnn" -> {
                BinaryPruneConfig d = new BinaryPruneConfig();
                yield new BinaryPruneMethod(new BinaryPruneConfig(epochs / 2, Math.max(1, epochs - epochs / 2), retrainEpochs,
                        d.sparsities(), d.probeSize(), d.reallocate() && !keepPlan));
            }
            default -> throw new IllegalArgumentException("unknown method '" + name + "' (known: " + String.join(", ", NAMES) + ")");
        };
    }
}
