package kernelwise.models.finetune;

import kernelwise.models.compress.NetworkSpecs;
import kernelwise.models.plan.CompressionPlan;
import kernelwise.models.plan.LayerPlan;
import kernelwise.models.plan.NetworkSpec;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.dataset.DataSet;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MethodsMeetPlanTest {

    /** Mixed bits and sparsities: conv at 1 bit, dense at 2 bits 90% with one kernel removed, output 4 bits. */
    private static CompressionPlan mixedPlan(NetworkSpec spec) {
        double[] dense = new double[16];
        java.util.Arrays.fill(dense, 0.9);
        dense[3] = 1.0;
        int[] denseBits = new int[16];
        java.util.Arrays.fill(denseBits, 2);
        return CompressionPlan.of(spec, List.of(
                LayerPlan.uniform(spec.layer(0).name(), 4, 32, 1, 0.5),
                new LayerPlan(spec.layer(1).name(), 32, denseBits, dense),
                LayerPlan.uniform(spec.layer(2).name(), 3, 32, 4, 0.5)));
    }

    private static FinetuneMethod method(String name) {
        return switch (name) {
            case "admm" -> new AdmmMethod(new AdmmConfig(new PenaltySchedule(1, 4, 1e-2, 2, 1), new Retraining(1)));
            case "slr" -> new SlrMethod(new SlrConfig(new PenaltySchedule(1, 4, 1e-2, 2, 1), new Retraining(1), 1e-2, 20, 0.1, 64));
            case "autoprune" -> new AutoPruneMethod(new AutoPruneConfig(1, new Retraining(1), 0.05, 0.5, 0.05));
            case "bnn" -> new BinaryPruneMethod(new BinaryPruneConfig(1, 1, new Retraining(1), new double[]{0, 0.5, 0.9}, 64, true));
            default -> throw new IllegalArgumentException(name);
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"admm", "slr", "autoprune", "bnn"})
    void givenAMixedPlan_whenAMethodTrainsIntoIt_thenTheOutputAndTheHardProjectedCopyMeetItsPlanExactly(String name) {
        MultiLayerNetwork net = Tiny.convNet(7);
        DataSet data = Tiny.images(256, 7);
        CompressionPlan plan = mixedPlan(NetworkSpecs.of(net));

        MethodResult result = method(name).run(net, plan, new TrainingData(Tiny.batches(data, 32), data), FinetuneListener.NONE);

        assertNull(PlanProjection.violation(PlanLayers.of(net, result.plan()), 1e-6));
        assertNull(PlanProjection.violation(PlanLayers.of(result.hardProjected(), result.plan()), 1e-6));
        assertEquals(0.0, PlanLayers.of(net, result.plan()).get(1).kernels().getRow(3).amaxNumber().doubleValue(), "removed kernel is zero");
        assertEquals(0.0, PlanLayers.of(net, result.plan()).get(1).bias().reshape(-1).getDouble(3), "removed kernel's bias is zero");
        assertTrue(result.epochs() >= 2);
        if (!name.equals("bnn")) assertEquals(plan, result.plan());
    }

    @Test
    void givenOneBinaryLayerPrunedBeyondTheMeasuredSparsities_whenBnnTrains_thenItKeepsThePlanAndMeetsIt() {
        MultiLayerNetwork net = Tiny.convNet(8);
        DataSet data = Tiny.images(128, 8);
        NetworkSpec spec = NetworkSpecs.of(net);
        CompressionPlan plan = CompressionPlan.of(spec, List.of(
                LayerPlan.uniform(spec.layer(0).name(), 4, 32, 3, 0.5),
                LayerPlan.uniform(spec.layer(1).name(), 16, 32, 1, 0.95),
                LayerPlan.uniform(spec.layer(2).name(), 3, 32, 3, 0.5)));
        MethodResult result = method("bnn").run(net, plan, new TrainingData(Tiny.batches(data, 32), data), FinetuneListener.NONE);
        assertEquals(plan, result.plan());
        assertNull(PlanProjection.violation(PlanLayers.of(net, plan), 1e-6));
    }
}
