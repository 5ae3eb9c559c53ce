package kernelwise.models.compress;

import kernelwise.models.plan.LayerPlan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KernelProjectionTest {

    private static INDArray randomWeights(int kernels, int fanIn, long seed) {
        Nd4j.getRandom().setSeed(seed);
        return Nd4j.randn(DataType.FLOAT, kernels, fanIn);
    }

    @Test
    void givenPerKernelSparsity_whenProjected_thenExactlyKeptWeightsPerKernelAndTheLargest() {
        INDArray w = randomWeights(5, 37, 1);
        double[] sp = {0.0, 0.3, 0.55, 0.9, 1.0};
        LayerPlan plan = new LayerPlan("l", 32, new int[]{32, 32, 32, 32, 32}, sp);
        KernelProjection.Result r = KernelProjection.project(w, plan);
        for (int k = 0; k < 5; k++) {
            int kept = plan.keptWeights(k, 37);
            assertEquals(kept, r.mask().getRow(k).sumNumber().intValue(), "kernel " + k);
            assertEquals(kept, r.weights().getRow(k).neq(0).castTo(DataType.INT).sumNumber().intValue(), "kernel " + k);
            INDArray abs = Transforms.abs(w.getRow(k));
            if (kept > 0 && kept < 37) {
                double minKept = abs.mul(r.mask().getRow(k)).add(r.mask().getRow(k).rsub(1).mul(1e9)).minNumber().doubleValue();
                double maxPruned = abs.mul(r.mask().getRow(k).rsub(1)).maxNumber().doubleValue();
                assertTrue(minKept >= maxPruned, "kept weights are the largest in kernel " + k);
            }
        }
        assertEquals(w.mul(r.mask()), r.weights());
    }

    @Test
    void givenTiedMagnitudes_whenPruned_thenLowestPositionsKeptDeterministically() {
        INDArray w = Nd4j.createFromArray(new float[][]{{1, -1, 1, -1, 0.5f, 2}});
        LayerPlan plan = new LayerPlan("l", 32, new int[]{32}, new double[]{0.5});
        INDArray mask = KernelProjection.mask(w, plan);
        assertArrayEquals(new float[]{1, 1, 0, 0, 0, 1}, mask.toFloatVector(), 0f);
    }

    /**
     * Dense kernels quantize mid-tread (levels -L..L, L = 2^(b-1)-1, scale max/L); pruned ones mid-rise (levels
     * +-1/2 .. +-(H-1/2), H = 2^(b-1), scale max/(H-1/2)), since their mask already encodes the zeros.
     */
    @ParameterizedTest
    @CsvSource({"0.0", "0.25"})
    void givenEachBitWidth_whenQuantized_thenScaleOnTheGridAndErrorWithinHalfStepOrTheGridsRounding(double sparsity) {
        INDArray w = randomWeights(8, 200, 2);
        boolean midRise = sparsity > 0;
        for (int b = 2; b <= 8; b++) {
            LayerPlan plan = LayerPlan.uniform("l", 8, 32, b, sparsity);
            KernelProjection.Result r = KernelProjection.project(w, plan);
            INDArray kept = w.mul(r.mask());
            INDArray err = Transforms.abs(kept.sub(r.weights()));
            float top = midRise ? (1 << (b - 1)) - 0.5f : (1 << (b - 1)) - 1;
            float shift = midRise ? 0.5f : 0f;
            float reference = 0;
            for (int k = 0; k < 8; k++) reference = Math.max(reference, Transforms.abs(kept.getRow(k)).maxNumber().floatValue() / top);
            assertEquals(reference, KernelProjection.reference(r.scales()), 0f);
            for (int k = 0; k < 8; k++) {
                float scale = r.scales().getFloat(k);
                float max = Transforms.abs(kept.getRow(k)).maxNumber().floatValue();
                assertEquals(ScaleCode.round(reference, max / top), scale, 0f);
                assertEquals(max / top, scale, max / top * 0.022f, "within the grid's 2.2%");
                float bound = Math.max(scale / 2, 0.022f * max) * (1 + 1e-5f);
                assertTrue(err.getRow(k).maxNumber().floatValue() <= bound, "b=" + b + " kernel " + k);
                INDArray q = r.weights().getRow(k).div(scale).sub(shift).mul(r.mask().getRow(k));
                assertEquals(0.0, Transforms.abs(q.sub(Transforms.round(q))).maxNumber().doubleValue(), 1e-3, "levels on the grid, b=" + b);
                assertTrue(Transforms.abs(r.weights().getRow(k).div(scale)).maxNumber().doubleValue() <= top + 1e-3);
                if (midRise) {
                    long distinct = java.util.Arrays.stream(r.weights().getRow(k).toDoubleVector()).filter(v -> v != 0).distinct().count();
                    assertTrue(distinct <= 1 << b, "b=" + b + " kernel " + k);
                    if (b == 2) assertEquals(4, distinct, "a pruned 2-bit kernel has four magnitudes-with-sign, mid-tread would have two");
                }
            }
        }
    }

    @Test
    void givenOneBit_whenQuantized_thenSignTimesMeanKeptMagnitude() {
        INDArray w = Nd4j.createFromArray(new float[][]{{0.5f, -1f, 0.1f, -2f}, {3f, 0f, -1f, 1f}});
        LayerPlan plan = new LayerPlan("l", 32, new int[]{1, 1}, new double[]{0.25, 0.0});
        KernelProjection.Result r = KernelProjection.project(w, plan);
        float m1 = (3f + 0f + 1f + 1f) / 4, m0 = ScaleCode.round(m1, (0.5f + 1f + 2f) / 3);
        assertArrayEquals(new float[]{m0, -m0, 0, -m0}, r.weights().getRow(0).toFloatVector(), 1e-6f);
        assertArrayEquals(new float[]{m1, m1, -m1, m1}, r.weights().getRow(1).toFloatVector(), 1e-6f);
    }

    @Test
    void givenMixedPlan_whenProjectedTwice_thenTheSecondProjectionChangesNothingAndMeetsThePlan() {
        INDArray w = randomWeights(9, 120, 7);
        int[] bits = {1, 2, 3, 4, 5, 6, 7, 8, 32};
        double[] sparsity = {0.0, 0.5, 0.9, 0.99, 1.0, 0.3, 0.75, 0.1, 0.6};
        LayerPlan plan = new LayerPlan("l", 32, bits, sparsity);
        KernelProjection.Result once = KernelProjection.project(w, plan);
        KernelProjection.Result twice = KernelProjection.project(once.weights(), plan);
        assertArrayEquals(once.weights().reshape(-1).toFloatVector(), twice.weights().reshape(-1).toFloatVector(), 0f);
        assertArrayEquals(once.scales().toFloatVector(), twice.scales().toFloatVector(), 0f);
        for (int k = 0; k < 9; k++) {
            assertTrue(twice.mask().getRow(k).sumNumber().intValue() == plan.keptWeights(k, 120), "kernel " + k + " keeps its count");
        }
    }

    @Test
    void givenManyKernelsAtEveryBitWidth_whenProjectedTwice_thenNothingMoves() {
        for (int seed = 0; seed < 5; seed++) {
            INDArray w = randomWeights(64, 75, 100 + seed);
            int[] bits = new int[64];
            double[] sparsity = new double[64];
            for (int k = 0; k < 64; k++) {
                bits[k] = 1 + k % 8;
                sparsity[k] = (k % 5) * 0.2;
            }
            LayerPlan plan = new LayerPlan("l", 32, bits, sparsity);
            INDArray once = KernelProjection.project(w, plan).weights();
            INDArray twice = KernelProjection.project(once, plan).weights();
            assertEquals(0.0, once.sub(twice).amaxNumber().doubleValue(), 1e-6 * once.amaxNumber().doubleValue(), "seed " + seed);
        }
    }

    @Test
    void givenFloatBitsNoSparsity_whenProjected_thenWeightsUnchanged() {
        INDArray w = randomWeights(6, 50, 3);
        KernelProjection.Result r = KernelProjection.project(w, LayerPlan.uniform("l", 6, 32, 32, 0.0));
        assertEquals(w, r.weights());
        INDArray copy = w.dup();
        KernelProjection.projectInPlace(copy, LayerPlan.uniform("l", 6, 32, 32, 0.0));
        assertEquals(w, copy);
    }

    @Test
    void givenMixedBitsPerKernel_whenProjected_thenEachRowFollowsItsOwnBitsOnTheLayersScaleGrid() {
        INDArray w = randomWeights(3, 64, 4);
        LayerPlan mixed = new LayerPlan("l", 32, new int[]{1, 4, 32}, new double[]{0.5, 0.5, 0.5});
        KernelProjection.Result r = KernelProjection.project(w, mixed);
        INDArray mask = KernelProjection.mask(w, mixed);
        float reference = KernelProjection.reference(r.scales());
        float[] binary = r.weights().getRow(0).toFloatVector();
        float s0 = r.scales().getFloat(0);
        for (int j = 0; j < 64; j++) assertTrue(binary[j] == 0 ? mask.getFloat(0, j) == 0 : Math.abs(binary[j]) == s0, "1-bit values are +-scale");
        float s1 = r.scales().getFloat(1);
        assertEquals(s1, ScaleCode.round(reference, s1), 0f);
        INDArray levels = r.weights().getRow(1).div(s1).sub(0.5).mul(mask.getRow(1));
        assertEquals(0.0, Transforms.abs(levels.sub(Transforms.round(levels))).maxNumber().doubleValue(), 1e-4);
        assertTrue(Transforms.abs(r.weights().getRow(1).div(s1)).maxNumber().doubleValue() <= 7.5 + 1e-4, "pruned 4-bit levels within [-7.5, 7.5]");
        assertArrayEquals(w.getRow(2).mul(mask.getRow(2)).toFloatVector(), r.weights().getRow(2).toFloatVector(), 0f);
        assertEquals(0f, r.scales().getFloat(2), 0f);
    }
}
