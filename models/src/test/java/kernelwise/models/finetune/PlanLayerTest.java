package kernelwise.models.finetune;

import kernelwise.models.compress.LayerWeights;
import kernelwise.models.compress.NetworkSpecs;
import kernelwise.models.compress.CompressibleLayer;
import kernelwise.models.plan.CompressionPlan;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PlanLayerTest {

    @Test
    void givenConvAndDenseLayers_whenViewedAsKernels_thenRowsAreCoreKernelsAndWritesGoThrough() {
        MultiLayerNetwork net = Tiny.convNet(1);
        CompressionPlan plan = CompressionPlan.identity(NetworkSpecs.of(net));
        List<PlanLayer> layers = PlanLayers.of(net, plan);
        List<CompressibleLayer> core = NetworkSpecs.layers(net);
        assertEquals(3, layers.size());
        for (int i = 0; i < layers.size(); i++) {
            assertEquals(LayerWeights.read(core.get(i)), layers.get(i).kernels().dup('c'));
            layers.get(i).kernels().getRow(1).assign(7f);
            assertEquals(7f, LayerWeights.read(core.get(i)).getFloat(1, 2), 0f);
        }
    }
}
