package kernelwise.models.compress;

import kernelwise.models.plan.LayerPlan;
import org.junit.jupiter.api.Test;
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

    @Test
    void givenEachBitWidth_whenQuantized_thenErrorWithinHalfStepAndAtMostTwoLevelsPerSign() {
        INDArray w = randomWeights(8, 200, 2);
        for (int b = 2; b <= 8; b++) {
            LayerPlan plan = LayerPlan.uniform("l", 8, 32, b, 0.25);
            KernelProjection.Result r = KernelProjection.project(w, plan);
            INDArray kept = w.mul(r.mask());
            INDArray err = Transforms.abs(kept.sub(r.weights()));
            int levels = (1 << (b - 1)) - 1;
            for (int k = 0; k < 8; k++) {
                float scale = r.scales().getFloat(k);
                assertEquals(Transforms.abs(kept.getRow(k)).maxNumber().floatValue() / levels, scale, 1e-6f);
                assertTrue(err.getRow(k).maxNumber().floatValue() <= scale / 2 * (1 + 1e-5f), "b=" + b + " kernel " + k);
                INDArray q = r.weights().getRow(k).div(scale);
                assertEquals(0.0, Transforms.abs(q.sub(Transforms.round(q))).maxNumber().doubleValue(), 1e-3);
                assertTrue(Transforms.abs(q).maxNumber().doubleValue() <= levels + 1e-3);
            }
        }
    }

    @Test
    void givenOneBit_whenQuantized_thenSignTimesMeanKeptMagnitude() {
        INDArray w = Nd4j.createFromArray(new float[][]{{0.5f, -1f, 0.1f, -2f}, {3f, 0f, -1f, 1f}});
        LayerPlan plan = new LayerPlan("l", 32, new int[]{1, 1}, new double[]{0.25, 0.0});
        KernelProjection.Result r = KernelProjection.project(w, plan);
        float m0 = (0.5f + 1f + 2f) / 3, m1 = (3f + 0f + 1f + 1f) / 4;
        assertArrayEquals(new float[]{m0, -m0, 0, -m0}, r.weights().getRow(0).toFloatVector(), 1e-6f);
        assertArrayEquals(new float[]{m1, m1, -m1, m1}, r.weights().getRow(1).toFloatVector(), 1e-6f);
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
    void givenMixedBitsPerKernel_whenProjected_thenEachRowFollowsItsOwnBits() {
        INDArray w = randomWeights(3, 64, 4);
        LayerPlan mixed = new LayerPlan("l", 32, new int[]{1, 4, 32}, new double[]{0.5, 0.5, 0.5});
        INDArray out = KernelProjection.project(w, mixed).weights();
        for (int k = 0; k < 3; k++) {
            int bits = mixed.weightBits(k);
            INDArray single = KernelProjection.project(w.getRow(k).reshape(1, 64).dup(), new LayerPlan("l", 32, new int[]{bits}, new double[]{0.5})).weights();
            assertArrayEquals(single.toFloatVector(), out.getRow(k).toFloatVector(), 0f);
        }
    }
}
