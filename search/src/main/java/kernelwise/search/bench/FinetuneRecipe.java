package kernelwise.search.bench;

import kernelwise.models.compress.Accuracy;
import kernelwise.models.compress.FastPlanScorer;
import kernelwise.models.compress.QuantizedNetwork;
import kernelwise.models.data.Batches;
import kernelwise.models.data.DataSplits;
import kernelwise.models.export.KwFile;
import kernelwise.models.finetune.FinetuneMethod;
import kernelwise.models.finetune.FinetuneListener;
import kernelwise.models.finetune.FinetuneMethods;
import kernelwise.models.finetune.MethodResult;
import kernelwise.models.Networks;
import kernelwise.models.finetune.TrainingData;
import kernelwise.models.plan.CompressionPlan;
import org.deeplearning4j.nn.api.Model;
import org.nd4j.linalg.dataset.DataSet;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * The one fine-tuning every plan of a benchmark goes through, so that plans are compared after equal training: a
 * copy of the float network trained into the plan by {@code method} for {@code epochs} plus {@code retrainEpochs}
 * of masked retraining on the first {@code trainImages} training images (minibatches of {@code batch} in a seeded
 * shuffle, Adam at {@code learningRate}), packed into a {@code .kw} file and measured on the whole test split as
 * the file read back.
 *
 * @param seed the batch order's seed
 */
public record FinetuneRecipe(String method, int epochs, int retrainEpochs, int trainImages, double learningRate, int batch, long seed) {

    public FinetuneRecipe {
        if (!FinetuneMethods.NAMES.contains(method)) throw new IllegalArgumentException("unknown method '" + method + "' (known: " + FinetuneMethods.NAMES + ")");
        if (epochs < 1) throw new IllegalArgumentException("epochs must be positive, found " + epochs);
        if (retrainEpochs < 0) throw new IllegalArgumentException("retrain epochs must be >= 0, found " + retrainEpochs);
        if (trainImages <= 0) throw new IllegalArgumentException("train images must be positive, found " + trainImages);
        if (!(learningRate > 0)) throw new IllegalArgumentException("learning rate must be positive, found " + learningRate);
        if (batch <= 0) throw new IllegalArgumentException("batch must be positive, found " + batch);
    }

    /** {@code qat}, 2 + 1 epochs on 8,000 images, Adam 1e-3, batch 64: what {@code bench finetune} runs by default (45 s for LeNet-5 here). */
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
        Model student = Networks.copy(network);
        Networks.setLearningRate(student, learningRate);
        DataSet train = data.train().numExamples() <= trainImages ? data.train() : (DataSet) data.train().getRange(0, trainImages);
        Batches batches = Batches.shuffled(train, batch, seed);
        FinetuneMethod m = FinetuneMethods.create(method, epochs, retrainEpochs, batches.batchesPerPass(), true, null);
        long t0 = System.nanoTime();
        MethodResult r = m.run(student, plan, new TrainingData(batches, data.validation()), FinetuneListener.NONE);
        double seconds = (System.nanoTime() - t0) / 1e9;
        long bytes = KwFile.write(student, r.plan(), FastPlanScorer.calibrate(network, data.train()), Map.of("recipe", toString()), kw);
        KwFile.Packed packed = KwFile.read(kw);
        QuantizedNetwork net = QuantizedNetwork.of(packed.network());
        net.setActivationQuant(packed.ranges().quants(packed.plan()));
        double accuracy = new Accuracy(data.test(), FastPlanScorer.DEFAULT_BATCH).of(net);
        return new Result(Networks.accuracy(r.hardProjected(), data.test(), 1000), accuracy, bytes, seconds);
    }
}
