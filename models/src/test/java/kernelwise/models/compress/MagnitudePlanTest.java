package kernelwise.models.compress;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MagnitudePlanTest {

    @Test
    void givenKernelsOfDifferentStrength_whenDensityAllocated_thenOneThresholdForTheLayer() {
        INDArray w = Nd4j.createFromArray(new float[][]{
                {9, 8, 7, 6, 0.1f, 0.2f},
                {5, 4, 0.3f, 0.2f, 0.1f, 0.1f},
                {0.5f, 0.4f, 0.3f, 0.3f, 0.2f, 0.1f}});
        assertArrayEquals(new int[]{4, 2, 0}, MagnitudePlan.keptPerKernel(w, 6 / 18.0, 1));
    }

    @Test
    void givenAKernelUnderTheMinimum_whenAllocated_thenRemovedAndItsShareGoesToTheOthers() {
        INDArray w = Nd4j.createFromArray(new float[][]{
                {9, 8, 7, 6, 0.1f, 0.2f},
                {5, 0.1f, 0.3f, 0.2f, 0.1f, 0.1f},
                {4.5f, 4.4f, 0.3f, 0.3f, 0.2f, 0.1f}});
        int[] kept = MagnitudePlan.keptPerKernel(w, 7 / 18.0, 2);
        assertEquals(0, kept[1], "one weight is under the minimum of 2");
        assertEquals(7, kept[0] + kept[2], "the layer keeps its count");
        assertTrue(kept[0] >= 4 && kept[2] >= 2);
    }

    @Test
    void givenTrainedNetwork_whenPlanned_thenEveryLayerKeepsItsDensityAtItsBits() {
        var net = TestData.lenet(3);
        var spec = NetworkSpecs.of(net);
        double[] density = new double[spec.size()];
        int[] bits = new int[spec.size()];
        for (int i = 0; i < density.length; i++) {
            density[i] = 0.1 + 0.1 * i;
            bits[i] = 2 + i;
        }
        var plan = MagnitudePlan.of(net, density, bits, 8, 3);
        for (int i = 0; i < spec.size(); i++) {
            var l = spec.layer(i);
            long kept = 0;
            for (int k = 0; k < l.kernels(); k++) {
                kept += plan.layer(i).keptWeights(k, l.fanIn());
                assertEquals(bits[i], plan.layer(i).weightBits(k));
            }
            assertEquals(Math.round(density[i] * l.weights()), kept, "layer " + i);
        }
        assertThrows(IllegalArgumentException.class, () -> MagnitudePlan.of(net, new double[]{0.1}, bits, 8, 3));
        density[0] = 0;
        assertThrows(IllegalArgumentException.class, () -> MagnitudePlan.of(net, density, bits, 8, 3));
    }
}
