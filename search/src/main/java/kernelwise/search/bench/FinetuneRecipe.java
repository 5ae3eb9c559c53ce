package kernelwise.search.bench;

import kernelwise.models.Networks;
import kernelwise.models.compress.Accuracy;
import kernelwise.models.compress.FastPlanScorer;
import kernelwise.models.compress.QuantizedNetwork;
import kernelwise.models.data.DataSplits;
import kernelwise.models.export.KwFile;
import kernelwise.models.finetune.FinetuneRequest;
import kernelwise.models.finetune.Finetuning;
import kernelwise.models.plan.CompressionPlan;
import kernelwise.models.train.TrainListener;
import org.deeplearning4j.nn.api.Model;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * The one fine-tuning every plan of a benchmark goes through, so that plans are compared after equal training: a
 * copy of the float network trained into the plan by {@code method} for {@code epochs} plus {@code retrainEpochs}
 * of masked retraining on the first {@code trainImages} training images (minibatches of {@code batch} in a seeded
 * shuffle, Adam at {@code learningRate}), packed into a {@code .kw} file and measured on the whole test split as
 * the file read back. It is a {@link FinetuneRequest} run by {@link Finetuning#run}, as {@code bench finetune}'s rows are
 * (the plan met as given, no teacher, activation ranges calibrated on the float network).
 *
 * @param seed the batch order's seed
 */
public record FinetuneRecipe(String method, int epochs, int retrainEpochs, int trainImages, double learningRate, int batch, long seed) {

    public FinetuneRecipe {
        if (trainImages <= 0) throw new IllegalArgumentException("train images must be positive, found " + trainImages);
        FinetuneRequest.Method.of(method, epochs, retrainEpochs);
        new FinetuneRequest.Schedule(learningRate, batch, seed, trainImages);
    }

    /** {@code qat}, 2 + 1 epochs on 8,000 images, Adam 1e-3, batch 64: what {@code bench finetune} runs by default. */
    public static FinetuneRecipe quick(long seed) {
        return new FinetuneRecipe("qat", 2, 1, 8000, 1e-3, 64, seed);
    }

    public FinetuneRecipe withSeed(long s) {
        return new FinetuneRecipe(method, epochs, retrainEpochs, trainImages, learningRate, batch, s);
    }

    /**
     * What the recipe gives for one plan.
     *
     * @param projectedAccuracy test accuracy of the float network hard-projected onto the plan, before training
     * @param accuracy          test accuracy of the {@code .kw} file written after training, read back
     * @param kwBytes           that file's size
     * @param seconds           training wall time
     */
    public record Result(double projectedAccuracy, double accuracy, long kwBytes, double seconds) {
    }

    /** Trains a copy of {@code network} into {@code plan}, writes it to {@code kw} and measures the file on the test split. */
    public Result run(Model network, DataSplits data, CompressionPlan plan, Path kw) throws IOException {
        Finetuning.Result r = Finetuning.run(network, request(plan), data, TrainListener.NONE);
        long bytes = r.writeKw(Map.of("recipe", toString()), kw);
        return new Result(Networks.accuracy(r.hardProjected(), data.test(), 1000), testAccuracy(kw, data.test()), bytes, r.seconds());
    }

    /** The accuracy on {@code test} of the packed file {@code kw} read back: its quantized weights and activations. */
    public static double testAccuracy(Path kw, org.nd4j.linalg.dataset.DataSet test) throws IOException {
        KwFile.Packed packed = KwFile.read(kw);
        QuantizedNetwork net = QuantizedNetwork.of(packed.network());
        net.setActivationQuant(packed.ranges().quants(packed.plan()));
        return new Accuracy(test, FastPlanScorer.DEFAULT_BATCH).of(net);
    }

    /** This recipe as a request for {@code plan}. */
    public FinetuneRequest request(CompressionPlan plan) {
        return new FinetuneRequest(plan, FinetuneRequest.Method.of(method, epochs, retrainEpochs),
                new FinetuneRequest.Schedule(learningRate, batch, seed, trainImages),
                FinetuneRequest.Distillation.off(), FinetuneRequest.Calibration.TEACHER);
    }
}
