package kernelwise.models.zoo;

import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelZooTest {
    static List<String> names() {
        return ModelZoo.names();
    }

    @ParameterizedTest
    @MethodSource("names")
    void givenZooModel_whenFedFlatImages_thenOutputsProbabilitiesOverTenClasses(String name) {
        Model model = ModelZoo.create(name, 1);
        INDArray out = Models.output(model, Nd4j.rand(3, 784));
        assertArrayEquals(new long[]{3, 10}, out.shape());
        assertEquals(3.0, out.sumNumber().doubleValue(), 1e-4);
        assertTrue(model.numParams() < 600_000, name + " has " + model.numParams() + " parameters");
    }

    @Test
    void givenLenets_whenCreated_thenExactParameterCounts() {
        assertEquals(431_080, ModelZoo.create("lenet5", 1).numParams());
        assertEquals(266_610, ModelZoo.create("lenet300", 1).numParams());
        assertEquals(222_970, ModelZoo.create("vgg-small", 1).numParams());
        assertEquals(78_378, ModelZoo.create("resnet-small", 1).numParams());
    }

    @Test
    void givenResnetSmall_whenCreated_thenComputationGraphWithResidualAdds() {
        Model m = ModelZoo.create("resnet-small", 1);
        ComputationGraph g = assertInstanceOf(ComputationGraph.class, m);
        assertEquals(3, g.getConfiguration().getVertices().keySet().stream().filter(v -> v.endsWith("_add")).count());
        assertInstanceOf(MultiLayerNetwork.class, ModelZoo.create("vgg-small", 1));
    }

    @Test
    void givenSameSeed_whenCreatedTwice_thenSameParameters_andOtherSeedDiffers() {
        assertEquals(ModelZoo.create("lenet300", 5).params(), ModelZoo.create("lenet300", 5).params());
        assertNotEquals(ModelZoo.create("lenet300", 5).params(), ModelZoo.create("lenet300", 6).params());
    }

    @Test
    void givenUnknownName_whenCreated_thenErrorNamesItAndTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModelZoo.create("alexnet", 1));
        assertEquals("unknown model 'alexnet' (known: lenet5, lenet300, vgg-small, resnet-small)", e.getMessage());
    }
}
