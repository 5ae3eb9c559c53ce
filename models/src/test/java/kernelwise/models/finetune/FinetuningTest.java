package kernelwise.models.finetune;

import kernelwise.models.Networks;
import kernelwise.models.compress.FastPlanScorer;
import kernelwise.models.compress.NetworkSpecs;
import kernelwise.models.data.DataSplits;
import kernelwise.models.finetune.FinetuneRequest.Calibration;
import kernelwise.models.finetune.FinetuneRequest.Distillation;
import kernelwise.models.finetune.FinetuneRequest.Method;
import kernelwise.models.finetune.FinetuneRequest.Schedule;
import kernelwise.models.plan.CompressionPlan;
import kernelwise.models.train.TrainListener;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FinetuningTest {

    private static DataSplits splits(DataSet data) {
        return new DataSplits("tiny", data, data, data, Map.of());
    }

    @Test
    void givenAFloatModel_whenAdmmRunsThroughThePipeline_thenACopyMeetsThePlanAndTheOriginalIsUntouched() {
        MultiLayerNetwork net = Tiny.convNet(4);
        INDArray before = net.params().dup();
        DataSplits data = splits(Tiny.images(256, 4));
        CompressionPlan plan = CompressionPlan.uniform(NetworkSpecs.of(net), 4, 32, 0.75);
        int[] epochsSeen = {0};
        TrainListener listener = new TrainListener() {
            @Override
            public void onEpochEnd(int epoch, double seconds) {
                epochsSeen[0]++;
            }
        };

        Finetuning.Result r = Finetuning.run(net, FinetuneRequest.of(plan, Method.of("admm", 1, 1)), data, listener);

        assertNotSame(net, r.network());
        assertEquals(before, net.params(), "float model untouched");
        assertNull(PlanProjection.violation(PlanLayers.of(r.network(), plan), 1e-6));
        assertEquals(2, epochsSeen[0], "one ADMM epoch and one retraining epoch reported");
        assertEquals(2, r.epochs());
        assertEquals(plan, r.plan());
    }

    @Test
    void givenATeacher_whenSlrRuns_thenTheCopyMeetsThePlanAndKeepsItsOwnLoss() {
        MultiLayerNetwork net = Tiny.convNet(6);
        DataSet data = Tiny.images(256, 6);
        CompressionPlan plan = CompressionPlan.uniform(NetworkSpecs.of(net), 4, 32, 0.5);

        Model tuned = Finetuning.run(net, FinetuneRequest.of(plan, Method.of("slr", 1, 1)).withDistillation(Distillation.of(0.5)),
                splits(data), TrainListener.NONE).network();

        assertNull(PlanProjection.violation(PlanLayers.of(tuned, plan), 1e-6));
        assertFalse(DistillationLoss.outputConf(tuned).getLossFn() instanceof DistillationLoss, "the distillation loss is removed after training");
        assertTrue(Double.isFinite(Networks.loss(tuned, data)));
    }

    @Test
    void givenEitherCalibration_whenRun_thenTheRangesAreThoseOfTheNetworkNamed() {
        MultiLayerNetwork net = Tiny.convNet(7);
        DataSplits data = splits(Tiny.images(128, 7));
        CompressionPlan plan = CompressionPlan.uniform(NetworkSpecs.of(net), 4, 8, 0.5);
        FinetuneRequest request = FinetuneRequest.of(plan, Method.of("qat", 1, 0)).withSchedule(Schedule.defaults().withLearningRate(5e-2));

        Finetuning.Result teacher = Finetuning.run(net, request, data, TrainListener.NONE);
        Finetuning.Result tuned = Finetuning.run(net, request.withCalibration(Calibration.TUNED), data, TrainListener.NONE);

        assertEquals(FastPlanScorer.calibrate(net, data.train()), teacher.ranges());
        assertEquals(FastPlanScorer.calibrate(tuned.network(), data.train()), tuned.ranges());
        assertNotEquals(teacher.ranges(), tuned.ranges(), "training at 5e-2 moved the ranges");
    }

    @Test
    void givenABadSetting_whenRequested_thenTheRefusalStartsWithItsNameAndEndsWithTheValue() {
        refused("method", "'magic'", () -> Method.of("magic", 1, 1));
        refused("epochs", "0", () -> Method.of("admm", 0, 1));
        refused("retrainEpochs", "-1", () -> Method.of("admm", 1, -1));
        refused("finalLrFactor", "0.0", () -> new Retraining(1, 0));
        refused("rhoMax", "0.0", () -> Method.of("admm", 1, 1).withRhoMax(0.0));
        refused("learningRate", "2.0", () -> Schedule.defaults().withLearningRate(2));
        refused("batchSize", "0", () -> Schedule.defaults().withBatchSize(0));
        refused("trainExamples", "-5", () -> Schedule.defaults().withTrainExamples(-5));
        refused("softWeight", "1.5", () -> Distillation.of(1.5));
        refused("temperature", "0.5", () -> new Distillation(0.5, 0.5));
    }

    private static void refused(String setting, String value, Executable request) {
        String message = assertThrows(IllegalArgumentException.class, request).getMessage();
        assertTrue(message.startsWith(setting + " must ") && message.endsWith("found " + value), message);
    }
}
