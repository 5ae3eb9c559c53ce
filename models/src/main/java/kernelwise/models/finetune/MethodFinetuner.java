package kernelwise.models.finetune;

import kernelwise.models.data.Batches;
import kernelwise.models.data.DataSplits;
import kernelwise.models.plan.CompressionPlan;
import kernelwise.models.train.TrainListener;
import org.deeplearning4j.nn.api.Model;
import org.nd4j.linalg.dataset.DataSet;

/**
 * The fine-tuning methods behind the {@link PlanFinetuner} interface, so that
 * {@code finetune --method qat|admm|slr|autoprune|bnn} selects them ({@code qat}: {@link ProjectThenRetrainMethod},
 * the same method as {@code bench finetune}'s qat row). Of {@code config.epochs()}, the last
 * {@code retrainEpochs} (default 1) are the masked retraining and the others the method's own phase; at least one
 * epoch goes to the method (a single epoch goes to the method alone, with no retraining). {@code maxBatches} limits the training split to that many minibatches; with a teacher, the float
 * network teaches through {@link DistillationLoss} (temperature {@code T}, hard-label weight {@code hardWeight}).
 * The returned network's compressible weights already lie in the plan, so projecting them again changes nothing.
 * The plan is met as given: {@code bnn} runs its sensitivity analysis but does not re-divide the budget here.
 */
public final class MethodFinetuner implements PlanFinetuner {

    private final String name;
    private final int retrainEpochs;
    private final Double rhoMax;

    /** The method with one epoch of masked retraining and its own penalty schedule. */
    public MethodFinetuner(String name) {
        this(name, 1, null);
    }

    /**
     * @param retrainEpochs epochs of masked retraining at the end (>= 0; fewer if the run has fewer epochs)
     * @param rhoMax        cap of ADMM's and SLR's penalty weight, or null for the methods' default
     */
    public MethodFinetuner(String name, int retrainEpochs, Double rhoMax) {
        if (!FinetuneMethods.NAMES.contains(name)) {
            throw new IllegalArgumentException("unknown method '" + name + "' (known: " + String.join(", ", FinetuneMethods.NAMES) + ")");
        }
        if (retrainEpochs < 0) throw new IllegalArgumentException("retraining epochs must be >= 0, found " + retrainEpochs);
        if (rhoMax != null && !(rhoMax > 0)) throw new IllegalArgumentException("rho cap must be positive, found " + rhoMax);
        this.name = name;
        this.retrainEpochs = retrainEpochs;
        this.rhoMax = rhoMax;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Model finetune(Model floatModel, CompressionPlan plan, DataSplits data, FinetuneConfig config, TrainListener listener) {
        Model model = Networks.copy(floatModel);
        Networks.setLearningRate(model, config.learningRate());
        DataSet train = data.train();
        if (config.maxBatches() > 0) {
            int limit = Math.min(train.numExamples(), config.maxBatches() * config.batchSize());
            train = (DataSet) train.getRange(0, limit);
        }
        Batches batches = Batches.shuffled(train, config.batchSize(), config.seed());
        int retrain = Math.min(retrainEpochs, config.epochs() - 1);
        FinetuneMethod method = FinetuneMethods.create(name, Math.max(1, config.epochs() - retrain), retrain, batches.batchesPerPass(), true, rhoMax);
        listener.onStart(config.epochs(), batches.batchesPerPass());
        TrainingData training = new TrainingData(batches, data.validation());
        Progress progress = new Progress(listener);
        if (config.teacher()) {
            new DistillationLoss(config.temperature(), config.hardWeight()).teaching(model, floatModel, batches, () -> method.run(model, plan, training, progress));
        } else {
            method.run(model, plan, training, progress);
        }
        return model;
    }

    /** Reports the methods' epochs to a {@link TrainListener}. */
    private static final class Progress implements FinetuneListener {
        private final TrainListener listener;
        private int epochs;
        private long start = System.nanoTime();

        Progress(TrainListener listener) {
            this.listener = listener;
        }

        @Override
        public void batchDone(int batch, double loss) {
            listener.onBatch(epochs, batch, loss);
        }

        @Override
        public void epochDone(int epoch, double loss) {
            long now = System.nanoTime();
            listener.onEpochEnd(epochs++, (now - start) / 1e9);
            start = now;
        }
    }
}
