package kernelwise.models.finetune;

import kernelwise.models.Networks;
import kernelwise.models.plan.CompressionPlan;
import kernelwise.models.compress.NetworkSpecs;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MaskedRetrainTest {

    @Test
    void givenThreeRetrainingEpochs_whenRun_thenTheLearningRateDecaysToATenthAndIsRestoredAfter() {
        MultiLayerNetwork net = Tiny.convNet(4);
        Networks.setLearningRate(net, 0.01);
        CompressionPlan plan = CompressionPlan.uniform(NetworkSpecs.of(net), 3, 32, 0.5);
        List<PlanLayer> layers = PlanLayers.of(net, plan);
        PlanProjection.apply(layers);
        List<Double> seen = new ArrayList<>();
        MaskedRetrain.run(net, layers, Tiny.batches(Tiny.images(64, 5), 16), 3, new FinetuneListener() {
            @Override
            public void epochDone(int epoch, double loss) {
                seen.add(Networks.learningRate(net));
            }
        });
        assertEquals(0.01 * Math.sqrt(0.1), seen.get(0), 1e-9, "after the first epoch: halfway down, geometrically");
        assertEquals(0.001, seen.get(1), 1e-9, "the last epoch runs at a tenth");
        assertEquals(0.01, Networks.learningRate(net), 1e-12, "restored");
        assertEquals(null, PlanProjection.violation(layers, 1e-6));
    }
}
