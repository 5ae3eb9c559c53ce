package kernelwise.models.finetune;

import kernelwise.models.compress.NetworkSpecs;
import kernelwise.models.plan.CompressionPlan;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.DataSet;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Tag("slow")
class AutoPruneMethodTest {

    private static final int N_IN = 16;

    /** Only features 0 and 1 carry the label; the plan keeps 4 of 16 weights per kernel. */
    private static AutoPruneMethod.Gates gatedTraining(boolean closeInformative, int epochs) {
        MultiLayerNetwork net = Tiny.linear(11, N_IN, 1e-2);
        DataSet data = Tiny.twoFeatures(1024, N_IN, 11);
        HookedTrainer.train(net, Tiny.batches(data, 32), 2, new TrainingHook() { }, FinetuneListener.NONE);
        CompressionPlan plan = CompressionPlan.uniform(NetworkSpecs.of(net), 32, 32, 0.75);
        List<PlanLayer> layers = PlanLayers.of(net, plan);
        AutoPruneMethod method = new AutoPruneMethod(new AutoPruneConfig(epochs, new Retraining(0), 0.05, 0.5, 0.05));
        AutoPruneMethod.Gates gates = method.new Gates(layers);
        if (closeInformative) {
            gates.gate[0].getColumn(0).assign(-0.5);
            gates.gate[0].getColumn(1).assign(-0.5);
            gates.mask[0].assign(gates.gate[0].gt(0));
        }
        LatentForward forward = new LatentForward(layers, (l, w) -> w.mul(gates.mask(0)));
        HookedTrainer.train(net, Tiny.batches(data, 32), epochs, TrainingHook.both(forward, gates), FinetuneListener.NONE);
        return gates;
    }

    @Test
    void givenTwoInformativeFeatures_whenGatesTrain_thenTheyCloseTowardTheTargetAndKeepTheInformativeWeights() {
        AutoPruneMethod.Gates gates = gatedTraining(false, 6);
        List<Double> sparsity = gates.sparsity;
        assertTrue(sparsity.get(sparsity.size() - 1) > 0.6, "gates closed: " + sparsity);
        assertEquals(1.0, gates.mask[0].getDouble(0, 0), "feature 0 of kernel 0 stays open");
        assertEquals(1.0, gates.mask[0].getDouble(1, 1), "feature 1 of kernel 1 stays open");
    }

    @Test
    void givenInformativeGatesClosed_whenGatesTrain_thenTheyReopen() {
        AutoPruneMethod.Gates gates = gatedTraining(true, 6);
        assertTrue(gates.recovered.stream().mapToDouble(Double::doubleValue).sum() >= 2, "reopened: " + gates.recovered);
        assertEquals(2.0, gates.mask[0].getColumn(0).sumNumber().doubleValue(), "feature 0 reopened in both kernels");
        assertEquals(2.0, gates.mask[0].getColumn(1).sumNumber().doubleValue(), "feature 1 reopened in both kernels");
    }
}
