package kernelwise.models.finetune;

import kernelwise.models.compress.ActivationRanges;
import kernelwise.models.compress.CompressibleLayer;
import kernelwise.models.compress.FastPlanScorer;
import kernelwise.models.compress.KernelProjection;
import kernelwise.models.compress.LayerWeights;
import kernelwise.models.compress.NetworkSpecs;
import kernelwise.models.compress.QuantizedCopy;
import kernelwise.models.compress.QuantizedNetwork;
import kernelwise.models.data.Batches;
import kernelwise.models.data.DataSplits;
import kernelwise.models.plan.CompressionPlan;
import kernelwise.models.train.TrainListener;
import kernelwise.models.train.TrainingDivergedException;
import kernelwise.models.zoo.Models;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * Quantization-aware fine-tuning with masks, on DL4J's own training step. Per minibatch:
 * <ol>
 *   <li>the float shadow weights of every compressible layer are projected onto the plan
 *       ({@link KernelProjection}) and written into a DL4J training copy whose compressible layers' inputs are
 *       fake-quantized ({@link QuantizedCopy}, ranges calibrated once on the float network);</li>
 *   <li>DL4J computes the gradient at the projected weights and applies its updater ({@code fit} on the batch);</li>
 *   <li>the update (new minus projected weights) is added to the float shadow weights: the straight-through
 *       estimator; then the shadow weights are multiplied by the plan's mask, so pruned weights stay exactly 0.</li>
 * </ol>
 * Biases and batch-norm parameters train normally. With a teacher, the loss is {@link DistillationLoss} against
 * the float network's outputs.
 */
public final class QatFinetuner implements PlanFinetuner {
    private static final Logger log = LoggerFactory.getLogger(QatFinetuner.class);

    @Override
    public String name() {
        return "qat";
    }

    @Override
    public Model finetune(Model floatModel, CompressionPlan plan, DataSplits data, FinetuneConfig cfg, TrainListener listener) {
        List<CompressibleLayer> source = NetworkSpecs.layers(floatModel);
        plan.checkAgainst(NetworkSpecs.of(floatModel));
        ActivationRanges ranges = FastPlanScorer.calibrate(floatModel, data.train());
        QuantizedCopy copy = QuantizedCopy.of(floatModel);
        copy.setActivationQuant(ranges.quants(plan));
        setLearningRate(copy.network(), cfg.learningRate());
        QuantizedNetwork teacher = cfg.teacher() ? QuantizedNetwork.of(floatModel) : null;
        if (teacher != null) DistillationLoss.outputConf(copy.network()).setLossFn(new DistillationLoss(cfg.temperature(), cfg.hardWeight()));

        int n = source.size();
        INDArray[] masks = new INDArray[n], shadows = new INDArray[n], projected = new INDArray[n];
        for (int i = 0; i < n; i++) {
            INDArray w = LayerWeights.read(source.get(i));
            masks[i] = KernelProjection.mask(w, plan.layer(i));
            shadows[i] = w.muli(masks[i]);
        }
        Batches batches = Batches.shuffled(data.train(), cfg.batchSize(), cfg.seed());
        int perEpoch = cfg.maxBatches() == 0 ? batches.batchesPerPass() : Math.min(cfg.maxBatches(), batches.batchesPerPass());
        listener.onStart(cfg.epochs(), perEpoch);
        for (int epoch = 0; epoch < cfg.epochs(); epoch++) {
            long start = System.nanoTime();
            if (epoch > 0) batches.reset();
            for (int b = 0; b < perEpoch && batches.hasNext(); b++) {
                DataSet batch = batches.next();
                for (int i = 0; i < n; i++) {
                    projected[i] = KernelProjection.project(shadows[i], plan.layer(i)).weights();
                    copy.setWeights(i, projected[i]);
                }
                if (teacher != null) batch = new DataSet(batch.getFeatures(), DistillationLoss.labels(batch.getLabels(), teacher.output(batch.getFeatures()), cfg.temperature()));
                double loss = fit(copy.network(), batch);
                if (Double.isNaN(loss) || Double.isInfinite(loss)) throw new TrainingDivergedException("fine-tuning loss is " + loss + " at epoch " + epoch + " batch " + b);
                for (int i = 0; i < n; i++) shadows[i].addi(LayerWeights.read(copy.layers().get(i)).subi(projected[i])).muli(masks[i]);
                listener.onBatch(epoch, b, loss);
            }
            listener.onEpochEnd(epoch, (System.nanoTime() - start) / 1e9);
        }
        return result(floatModel, copy, shadows);
    }

    private static Model result(Model floatModel, QuantizedCopy copy, INDArray[] shadows) {
        Model out = Models.copy(floatModel);
        out.setParams(copy.network().params().dup());
        List<CompressibleLayer> layers = NetworkSpecs.layers(out);
        for (int i = 0; i < shadows.length; i++) LayerWeights.write(layers.get(i), shadows[i]);
        log.info("fine-tuned into the plan: {} compressible layers", shadows.length);
        return out;
    }

    private static double fit(Model net, DataSet batch) {
        if (net instanceof MultiLayerNetwork m) {
            m.fit(batch);
            return m.score();
        }
        ComputationGraph g = (ComputationGraph) net;
        g.fit(batch);
        return g.score();
    }

    private static void setLearningRate(Model net, double lr) {
        if (net instanceof MultiLayerNetwork m) m.setLearningRate(lr);
        else ((ComputationGraph) net).setLearningRate(lr);
    }
}
