package kernelwise.models.finetune;

import kernelwise.models.Networks;
import kernelwise.models.compress.NetworkSpecs;
import kernelwise.models.data.DataSplits;
import kernelwise.models.plan.CompressionPlan;
import kernelwise.models.train.TrainListener;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MethodFinetunerTest {

    @Test
    void givenAFloatModel_whenAdmmFinetunesThroughTheCoreInterface_thenACopyMeetsThePlanAndTheOriginalIsUntouched() {
        MultiLayerNetwork net = Tiny.convNet(4);
        INDArray before = net.params().dup();
        DataSet data = Tiny.images(256, 4);
        DataSplits splits = new DataSplits("tiny", data, data, data, Map.of());
        CompressionPlan plan = CompressionPlan.uniform(NetworkSpecs.of(net), 4, 32, 0.75);
        int[] epochsSeen = {0};
        TrainListener listener = new TrainListener() {
            @Override
            public void onEpochEnd(int epoch, double seconds) {
                epochsSeen[0]++;
            }
        };

        Model tuned = new MethodFinetuner("admm").finetune(net, plan, splits, FinetuneConfig.defaults().withEpochs(2).withMaxBatches(4), listener);

        assertNotSame(net, tuned);
        assertEquals(before, net.params(), "float model untouched");
        assertNull(PlanProjection.violation(PlanLayers.of(tuned, plan), 1e-6));
        assertEquals(2, epochsSeen[0], "one ADMM epoch and one retraining epoch reported");
        assertThrows(IllegalArgumentException.class, () -> new MethodFinetuner("magic"));
    }

    @Test
    void givenATeacher_whenSlrFinetunes_thenTheCopyMeetsThePlanAndKeepsItsOwnLoss() {
        MultiLayerNetwork net = Tiny.convNet(6);
        DataSet data = Tiny.images(256, 6);
        DataSplits splits = new DataSplits("tiny", data, data, data, Map.of());
        CompressionPlan plan = CompressionPlan.uniform(NetworkSpecs.of(net), 4, 32, 0.5);

        Model tuned = new MethodFinetuner("slr").finetune(net, plan, splits,
                FinetuneConfig.defaults().withEpochs(2).withMaxBatches(4).withTeacher(true), new TrainListener() { });

        assertNull(PlanProjection.violation(PlanLayers.of(tuned, plan), 1e-6));
        assertFalse(DistillationLoss.outputConf(tuned).getLossFn() instanceof DistillationLoss, "the distillation loss is removed after training");
        assertTrue(Double.isFinite(Networks.loss(tuned, data)));
    }
}
