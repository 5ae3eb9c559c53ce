package kernelwise.env.obs;

import kernelwise.models.plan.NetworkSpec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Checks on the kernel features the observations are built from. */
final class ObservationBuilderRanksCheck {

    private ObservationBuilderRanksCheck() {
    }

    static void assertRanksInUnitRange(KernelStats s, NetworkSpec spec) {
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
