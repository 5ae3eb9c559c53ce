package kernelwise.models.finetune;

import kernelwise.models.compress.KernelProjection;
import kernelwise.models.compress.NetworkSpecs;
import kernelwise.models.plan.CompressionPlan;
import kernelwise.models.plan.LayerPlan;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

class PlanProjectionTest {

    @ParameterizedTest
    @CsvSource({"1,0.0", "1,0.9", "2,0.5", "3,0.97", "4,0.9", "8,0.3", "32,0.75", "4,1.0"})
    void givenRandomWeights_whenProjectedTwice_thenSecondChangesNothingAndEveryKernelHasItsZeros(int bits, double sparsity) {
        Nd4j.getRandom().setSeed(bits * 100L + (long) (sparsity * 100));
        INDArray w = Nd4j.randn(DataType.FLOAT, 12, 101);
        LayerPlan plan = LayerPlan.uniform("l", 12, 32, bits, sparsity);
        INDArray once = KernelProjection.project(w, plan).weights();
        INDArray twice = KernelProjection.project(once, plan).weights();
        assertEquals(0.0, twice.sub(once).amaxNumber().doubleValue(), 1e-6 * Math.max(1e-12, once.amaxNumber().doubleValue()));
        int kept = plan.keptWeights(0, 101);
        KernelProjection.Result r = KernelProjection.project(w, plan);
        INDArray keptPerKernel = r.mask().sum(1);
        for (int k = 0; k < 12; k++) assertEquals(kept, keptPerKernel.getInt(k), "kernel " + k);
        assertEquals(0.0, once.mul(r.mask().rsub(1)).amaxNumber().doubleValue(), 0.0, "pruned weights are zero");
        if (bits < 32) {
            for (int k = 0; k < 12; k++) {
                INDArray levels = once.getRow(k).dup();
                long distinct = java.util.Arrays.stream(levels.toDoubleVector()).filter(v -> v != 0).distinct().count();
                long codes = bits == 1 ? 2 : sparsity > 0 ? 1L << bits : (1L << bits) - 2;
                assertEquals(true, distinct <= codes, "kernel " + k + " has " + distinct + " nonzero levels, at most " + codes);
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"4,0.9", "1,0.5"})
    void givenANetwork_whenHardProjected_thenItMeetsThePlanAndBeforeItDidNot(int bits, double sparsity) {
        MultiLayerNetwork net = Tiny.convNet(3);
        CompressionPlan plan = CompressionPlan.uniform(NetworkSpecs.of(net), bits, 32, sparsity);
        List<PlanLayer> layers = PlanLayers.of(net, plan);
        assertNotNull(PlanProjection.violation(layers, 1e-6));
        PlanProjection.apply(layers);
        assertNull(PlanProjection.violation(layers, 1e-6));
    }
}
