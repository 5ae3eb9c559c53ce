package kernelwise.models.finetune;

import kernelwise.models.compress.NetworkSpecs;
import kernelwise.models.plan.CompressionPlan;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.DataSet;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AdmmMethodTest {

    @Test
    void givenASmallProblem_whenAdmmRuns_thenThePrimalResidualFallsAndTheOutputMeetsThePlan() {
        MultiLayerNetwork net = Tiny.convNet(5);
        DataSet data = Tiny.images(512, 5);
        HookedTrainer.train(net, Tiny.batches(data, 32), 2, new TrainingHook() { }, FinetuneListener.NONE);
        CompressionPlan plan = CompressionPlan.uniform(NetworkSpecs.of(net), 3, 32, 0.8);
        AdmmMethod admm = new AdmmMethod(new AdmmConfig(new PenaltySchedule(10, 16, 1.0, 2.0, 1000.0), new Retraining(1)));

        MethodResult result = admm.run(net, plan, new TrainingData(Tiny.batches(data, 32), data), FinetuneListener.NONE);

        List<Double> r = result.traces().get("residual");
        assertTrue(r.size() >= 8, "dual updates recorded: " + r.size());
        assertTrue(r.get(r.size() - 1) < 0.5 * r.get(0), "residual falls: " + r);
        assertTrue(r.get(r.size() - 1) < r.get(r.size() / 2), "and keeps falling: " + r);
        assertNull(PlanProjection.violation(PlanLayers.of(net, plan), 1e-6));
        assertNull(PlanProjection.violation(PlanLayers.of(result.hardProjected(), plan), 1e-6));
    }
}
