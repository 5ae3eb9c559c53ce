package kernelwise.models.finetune;

import kernelwise.models.Networks;
import kernelwise.models.compress.ActivationRanges;
import kernelwise.models.compress.FastPlanScorer;
import kernelwise.models.data.Batches;
import kernelwise.models.data.DataSplits;
import kernelwise.models.export.KwFile;
import kernelwise.models.plan.CompressionPlan;
import kernelwise.models.train.TrainListener;
import org.deeplearning4j.nn.api.Model;
import org.nd4j.linalg.dataset.DataSet;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The fine-tuning pipeline: {@code finetune}, {@code bench finetune}, the benchmarks' recipe and Java callers run
 * {@link #run}. A copy of the float network gets the request's learning rate, the first
 * {@link FinetuneRequest.Schedule#trainExamples()} training examples are shuffled into minibatches with the request's
 * seed, the method ({@link FinetuneMethods#create}) trains the copy into the plan, with the float network teaching
 * through {@link DistillationLoss} if the request says so, and the activation ranges of the packed file are calibrated
 * on the network the request names. The float network is not modified.
 */
public final class Finetuning {

    private Finetuning() {
    }

    /**
     * What fine-tuning gives.
     *
     * @param network       the fine-tuned copy: its compressible weights lie exactly in {@code plan} (pruned weights
     *                      zero), so projecting them again changes nothing
     * @param plan          the plan met: the one asked for, or the one {@code bnn} derived from it
     * @param hardProjected a copy of the network right after the method's hard projection, before retraining
     * @param ranges        the activation ranges for the packed file
     * @param epochs        training epochs run in total
     * @param seconds       wall time of the training
     * @param traces        the method's named series
     */
    public record Result(Model network, CompressionPlan plan, Model hardProjected, ActivationRanges ranges, int epochs,
                         double seconds, Map<String, List<Double>> traces) {

        /** Writes {@link #network} as a packed {@code .kw} file ({@link KwFile#write}) with {@code source} as provenance; returns its size. */
        public long writeKw(Map<String, ?> source, Path file) throws IOException {
            return KwFile.write(network, plan, ranges, source, file);
        }
    }

    /**
     * Fine-tunes a copy of {@code floatModel} as {@code request} says, on {@code data}'s training split (the validation
     * split serves the methods' own decisions: calibration of {@code qat}'s ranges, probes, sensitivity analysis).
     *
     * @param listener progress: one start with the epochs and minibatches per epoch, every minibatch, every epoch
     * @throws kernelwise.models.train.TrainingDivergedException if the loss becomes NaN or infinite
     */
    public static Result run(Model floatModel, FinetuneRequest request, DataSplits data, TrainListener listener) {
        FinetuneRequest.Schedule schedule = request.schedule();
        Model model = Networks.copy(floatModel);
        Networks.setLearningRate(model, schedule.learningRate());
        Batches batches = Batches.shuffled(trainSplit(data.train(), schedule.trainExamples()), schedule.batchSize(), schedule.seed());
        FinetuneMethod method = FinetuneMethods.create(request.method(), batches.batchesPerPass());
        listener.onStart(request.method().epochs() + request.method().retraining().epochs(), batches.batchesPerPass());
        TrainingData training = new TrainingData(batches, data.validation());
        Progress progress = new Progress(listener);
        FinetuneRequest.Distillation d = request.distillation();
        long start = System.nanoTime();
        MethodResult result = d.on()
                ? new DistillationLoss(d.temperature(), 1 - d.softWeight()).teaching(model, floatModel, batches,
                        () -> method.run(model, request.plan(), training, progress))
                : method.run(model, request.plan(), training, progress);
        double seconds = (System.nanoTime() - start) / 1e9;
        String violation = PlanProjection.violation(PlanLayers.of(model, result.plan()), 1e-5);
        if (violation != null) throw new IllegalStateException(method.name() + " left the plan: " + violation);
        Model calibrated = request.calibration() == FinetuneRequest.Calibration.TEACHER ? floatModel : model;
        ActivationRanges ranges = FastPlanScorer.calibrate(calibrated, data.train());
        return new Result(model, result.plan(), result.hardProjected(), ranges, result.epochs(), seconds, result.traces());
    }

    private static DataSet trainSplit(DataSet train, int examples) {
        if (examples <= 0 || examples >= train.numExamples()) return train;
        return (DataSet) train.getRange(0, examples);
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
