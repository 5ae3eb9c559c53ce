package kernelwise.models.finetune;

import kernelwise.models.compress.NetworkSpecs;
import kernelwise.models.plan.CompressionPlan;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.DataSet;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SlrMethodTest {

    @Test
    void givenTheSlrRule_whenAlphaIsComputed_thenItFollowsOneMinusOneOverMKToTheOneMinusKToTheMinusR() {
        SlrConfig c = new SlrConfig(new PenaltySchedule(1, 1, 1e-2, 1, 1e-2), new Retraining(0), 1e-2, 20, 0.1, 10);
        assertEquals(1 - 1 / 20.0, c.alpha(1), 1e-12);
        assertEquals(1 - 1 / (20 * Math.pow(5, 1 - 1 / Math.pow(5, 0.1))), c.alpha(5), 1e-12);
        assertTrue(c.alpha(50) > c.alpha(2), "alpha rises toward 1");
    }

    @Test
    void givenASmallProblem_whenSlrRuns_thenMultiplierUpdatesAreAcceptedStepsShrinkAndTheOutputMeetsThePlan() {
        MultiLayerNetwork net = Tiny.convNet(9);
        DataSet data = Tiny.images(512, 9);
        HookedTrainer.train(net, Tiny.batches(data, 32), 2, new TrainingHook() { }, FinetuneListener.NONE);
        CompressionPlan plan = CompressionPlan.uniform(NetworkSpecs.of(net), 3, 32, 0.8);
        SlrMethod slr = new SlrMethod(new SlrConfig(new PenaltySchedule(6, 8, 1.0, 1.5, 1000), new Retraining(0), 0.5, 20, 0.1, 256));

        MethodResult result = slr.run(net, plan, new TrainingData(Tiny.batches(data, 32), data), FinetuneListener.NONE);

        List<Double> accepted = result.traces().get("accepted");
        List<Double> steps = result.traces().get("step");
        List<Double> r = result.traces().get("residual");
        assertEquals(12, accepted.size());
        assertTrue(accepted.contains(1.0), "some rounds satisfy the surrogate optimality condition: " + accepted);
        for (int k = 1; k < steps.size(); k++) {
            if (accepted.get(k) == 0.0) assertEquals(steps.get(k - 1), steps.get(k), "step kept when the condition fails");
        }
        assertTrue(r.get(r.size() - 1) < r.get(0), "residual falls: " + r);
        assertNull(PlanProjection.violation(PlanLayers.of(net, plan), 1e-6));
    }
}
