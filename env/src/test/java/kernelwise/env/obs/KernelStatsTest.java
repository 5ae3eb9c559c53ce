package kernelwise.env.obs;

import kernelwise.models.compress.NetworkSpecs;
import kernelwise.models.plan.NetworkSpec;
import kernelwise.models.zoo.ModelZoo;
import org.deeplearning4j.nn.api.Model;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KernelStatsTest {

    @Test
    void givenKnownMatrix_whenStatsComputed_thenPerKernelNorms() {
        var w = Nd4j.createFromArray(new double[][]{{3, -4, 0, 0}, {1, 1, -1, -1}});
        KernelStats s = KernelStats.of(List.of(w));
        assertArrayEquals(new double[]{7, 4}, s.l1()[0], 1e-9);
        assertArrayEquals(new double[]{5, 2}, s.l2()[0], 1e-9);
        assertArrayEquals(new double[]{4, 1}, s.maxAbs()[0], 1e-9);
        // population std: kernel 0 mean -0.25, kernel 1 mean 0
        assertEquals(Math.sqrt((3.25 * 3.25 + 3.75 * 3.75 + 0.0625 + 0.0625) / 4), s.std()[0][0], 1e-6);
        assertEquals(1, s.std()[0][1], 1e-9);
    }

    @Test
    void givenZooLeNet_whenStatsComputed_thenOneEntryPerKernelAndFeaturesInTheUnitRange() {
        Model m = ModelZoo.create("lenet5", 1);
        NetworkSpec spec = NetworkSpecs.of(m);
        KernelStats s = KernelStats.of(m);
        s.checkAgainst(spec);
        double[][][] f = LayerFeatures.kernels(spec, s);
        for (int i = 0; i < spec.size(); i++) {
            double maxRank = 0;
            for (double[] k : f[i]) {
                for (double v : k) assertTrue(v >= 0 && v <= 1, "feature " + v);
                maxRank = Math.max(maxRank, k[3]);
            }
            assertEquals(1.0, maxRank, 1e-12, "the largest-norm kernel ranks 1 in layer " + i);
        }
    }
}
