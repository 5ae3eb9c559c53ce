package kernelwise.env.obs;

import kernelwise.env.Fixtures;
import kernelwise.env.action.ActionMapper;
import kernelwise.models.plan.NetworkSpec;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ObservationBuilderTest {

    private static final NetworkSpec SPEC = Fixtures.lenet5();
    private static final ActionMapper MAPPER = new ActionMapper(new int[]{1, 2, 3, 4, 5, 6, 7, 8}, new int[]{2, 4, 8}, new double[]{0, 0.5, 1});
    /** Reference cost per layer 10, 20, 30, 40 (total 100); the limit is 50. */
    private final ObservationBuilder obs = new ObservationBuilder(SPEC, KernelStats.uniform(SPEC), MAPPER, new double[]{10, 20, 30, 40}, 50);

    @Test
    void givenFirstLayer_whenObserved_thenStaticFeaturesAndFullBudget() {
        Progress p = new Progress();
        p.reset();
        double[] o = obs.high(p);
        assertEquals(ObservationBuilder.HIGH_SIZE, o.length);
        assertEquals(0, o[0]);
        assertEquals(0, o[1], "conv");
        assertEquals(Math.log1p(20) / Math.log1p(500), o[3], 1e-12, "kernels over the largest (dense: 500)");
        assertEquals(0, o[9], "nothing spent");
        assertEquals(0.5, o[10], 1e-12, "limit 50 over 100 of reference cost still to decide");
        assertEquals(0.1, o[11], 1e-12, "share of the reference cost");
    }

    @Test
    void givenLaterLayerAndKernel_whenObserved_thenBudgetLeftAndGoalProgress() {
        Progress p = new Progress();
        p.reset();
        p.layer = 2;
        p.spent = 20;
        p.goalBits = 4;
        p.goalSparsity = 0.5;
        p.kernel = 250;
        p.decided = 2;
        p.sumBits = 2 + 8;
        p.sumSparsity = 1.0;
        double[] h = obs.high(p);
        assertEquals(0.4, h[9], 1e-12);
        assertEquals(30.0 / 70, h[10], 1e-12, "(50 - 20) left over 30 + 40 of reference");
        assertEquals(0.5, h[1], "dense");
        double[] o = obs.low(p);
        assertEquals(ObservationBuilder.LOW_SIZE, o.length);
        int j = ObservationBuilder.HIGH_SIZE;
        assertEquals(250.0 / 499, o[j], 1e-12);
        assertEquals(3.0 / 7, o[j + 5], 1e-12, "goal bits 4 on 1..8");
        assertEquals(0.5, o[j + 6], 1e-12);
        assertEquals(4.0 / 7, o[j + 7], 1e-12, "mean of 2 and 8 bits = 5");
        assertEquals(0.5, o[j + 8], 1e-12);
        assertEquals(2.0 / 500, o[j + 9], 1e-12);
    }
}
