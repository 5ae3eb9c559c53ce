package kernelwise.env.hardware;

import kernelwise.env.Resource;
import kernelwise.env.Cost;
import kernelwise.env.Fixtures;
import kernelwise.models.compress.PlanCounts;
import kernelwise.models.plan.CompressionPlan;
import kernelwise.models.plan.NetworkSpec;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OtherModelsTest {

    @Test
    void givenSmallConv_whenCostedOnBismo_thenHandComputedCycles() throws Exception {
        HardwareModel bismo = HardwareModels.byName("bismo", null);
        NetworkSpec spec = Fixtures.smallConv();
        Cost c = bismo.cost(spec, CompressionPlan.uniform(spec, 8, 8, 0));
        // ceil(16/2)=8 x ceil(4/2)=2 x ceil(18/64)=1 x 8 x 8 = 1024 compute; memory 1696/64 -> 27
        assertEquals(1024, c.cycles(), 1e-9);
        assertEquals(1024 / 200e6, c.seconds(), 1e-18);
        assertEquals(1024 * 7.68 + 1696 * 20.0, c.energyPj(), 1e-6);
        // 1-bit weights cost one pass: 8 x 2 x 1 x 1 x 2 = 32; memory (4*(8+18) + 144 + 128)/64 = 5.875 -> 6
        assertEquals(32, bismo.cost(spec, CompressionPlan.uniform(spec, 1, 2, 0)).cycles(), 1e-9);
    }

    @Test
    void givenSmallConv_whenCostedOnBops_thenKeptMacsTimesBits() throws Exception {
        HardwareModel bops = HardwareModels.byName("bops", null);
        NetworkSpec spec = Fixtures.smallConv();
        // 4 kernels x 18 weights x 16 positions x 8 x 8
        assertEquals(73728, bops.cost(spec, CompressionPlan.uniform(spec, 8, 8, 0)).cycles(), 1e-9);
        // half the weights pruned: kept 9 of 18
        assertEquals(73728 / 2.0, bops.cost(spec, CompressionPlan.uniform(spec, 8, 8, 0.5)).cycles(), 1e-9);
    }

    @Test
    void givenRandomPlans_whenCostedOnEveryModel_thenStorageMatchesPackedFormatAndBopsMatchCounts() throws Exception {
        NetworkSpec spec = Fixtures.lenet5();
        SplittableRandom rnd = new SplittableRandom(7);
        HardwareModel bops = HardwareModels.byName("bops", null);
        for (int i = 0; i < 20; i++) {
            CompressionPlan plan = Fixtures.randomPlan(spec, rnd, new int[]{1, 2, 3, 4, 5, 6, 7, 8, 32}, new double[]{0, 0.3, 0.9, 0.97, 1});
            PlanCounts counts = PlanCounts.of(spec, plan);
            for (String name : new String[]{"bitfusion", "bismo", "size", "bops"}) {
                assertEquals(counts.storageBits(), HardwareModels.byName(name, null).cost(spec, plan).storageBits(), name);
            }
            assertEquals(counts.bops(), bops.cost(spec, plan).cycles(), 1e-6 * counts.bops());
        }
    }

    @Test
    void givenSizeModel_whenAskedResources_thenOnlySize() throws Exception {
        HardwareModel size = HardwareModels.byName("size", null);
        assertEquals(java.util.EnumSet.of(Resource.SIZE), size.resources());
        NetworkSpec spec = Fixtures.smallConv();
        assertEquals(4 * (8 + 18 * 8), size.cost(spec, CompressionPlan.uniform(spec, 8, 8, 0)).storageBits(), "4 kernels: an 8-bit scale code and 18 dense 8-bit weights each");
    }

    @Test
    void givenUnknownName_whenBuilt_thenErrorListsNames() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HardwareModels.byName("tpu", null));
        assertTrue(e.getMessage().contains("found 'tpu'") && e.getMessage().contains("bitfusion"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> HardwareModels.byName("table", null));
    }
}
