package kernelwise.models.finetune;

import kernelwise.models.compress.Accuracy;
import kernelwise.models.compress.CompressibleLayer;
import kernelwise.models.compress.FastPlanScorer;
import kernelwise.models.compress.KernelProjection;
import kernelwise.models.compress.LayerWeights;
import kernelwise.models.compress.NetworkSpecs;
import kernelwise.models.compress.TestData;
import kernelwise.models.data.DataSplits;
import kernelwise.models.plan.CompressionPlan;
import kernelwise.models.train.TrainListener;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The {@code qat} method ({@link ProjectThenRetrainMethod}) through {@link MethodFinetuner}, as {@code finetune --method qat} runs it. */
class ProjectThenRetrainFinetuneTest {

    private static DataSplits splits() {
        return new DataSplits("patterns", TestData.patterns(2000, 1), TestData.patterns(300, 2), TestData.patterns(300, 3), Map.of());
    }

    @Test
    void givenAggressivePlan_whenFinetuned_thenAccuracyRecoversAndPrunedWeightsStayZero() {
        DataSplits data = splits();
        MultiLayerNetwork net = TestData.trainedMlp(data.train());
        INDArray before = net.params().dup();
        CompressionPlan plan = CompressionPlan.uniform(NetworkSpecs.of(net), 2, 4, 0.9);
        double planBefore = new FastPlanScorer(net, data.test(), data.train()).score(plan).accuracy();

        Model tuned = new MethodFinetuner("qat").finetune(net, plan, data, FinetuneConfig.defaults().withEpochs(3).withLearningRate(2e-3), TrainListener.NONE);

        assertEquals(before, net.params(), "the float network is not modified");
        double planAfter = new FastPlanScorer(tuned, data.test(), data.train()).score(plan).accuracy();
        assertTrue(planAfter > planBefore + 0.05, "fine-tuning recovers accuracy: before " + planBefore + ", after " + planAfter);
        List<CompressibleLayer> layers = NetworkSpecs.layers(tuned);
        for (int i = 0; i < layers.size(); i++) {
            INDArray w = LayerWeights.read(layers.get(i));
            INDArray nonZeroPerKernel = w.neq(0).castTo(DataType.INT).sum(1);
            int fanIn = (int) w.columns();
            assertTrue(nonZeroPerKernel.maxNumber().intValue() <= plan.layer(i).keptWeights(0, fanIn), "layer " + i + " keeps its pruning");
        }
    }

    @Test
    void givenTeacher_whenFinetuned_thenDistillationTrainsAndMasksHold() {
        DataSplits data = splits();
        MultiLayerNetwork net = TestData.trainedMlp(data.train());
        CompressionPlan plan = CompressionPlan.uniform(NetworkSpecs.of(net), 3, 8, 0.5);
        FinetuneConfig cfg = FinetuneConfig.defaults().withTeacher(true).withMaxBatches(10);
        double[] lastLoss = {Double.NaN};
        Model tuned = new MethodFinetuner("qat").finetune(net, plan, data, cfg, new TrainListener() {
            @Override
            public void onBatch(int epoch, int batch, double loss) {
                lastLoss[0] = loss;
            }
        });
        assertTrue(Double.isFinite(lastLoss[0]) && lastLoss[0] > 0, "distillation loss " + lastLoss[0]);
        INDArray w = LayerWeights.read(NetworkSpecs.layers(tuned).get(0));
        assertEquals(w, w.mul(KernelProjection.mask(w, plan.layer(0))), "pruned weights are zero");
        assertTrue(new Accuracy(data.test(), 100).of(kernelwise.models.compress.QuantizedNetwork.of(tuned)) > 0.5);
    }
}
