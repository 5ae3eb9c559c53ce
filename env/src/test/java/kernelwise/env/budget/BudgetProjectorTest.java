package kernelwise.env.budget;

import kernelwise.env.Cost;
import kernelwise.env.Fixtures;
import kernelwise.env.hardware.HardwareModel;
import kernelwise.env.hardware.HardwareModels;
import kernelwise.models.compress.KernelStorage;
import kernelwise.models.plan.CompressionPlan;
import kernelwise.models.plan.NetworkSpec;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BudgetProjectorTest {

    private static final NetworkSpec SPEC = Fixtures.lenet5();
    private static final int[] W = {1, 2, 3, 4, 5, 6, 7, 8};
    private static final int[] A = {2, 3, 4, 5, 6, 7, 8};
    private static final double[] S = IntStream.rangeClosed(0, 19).mapToDouble(i -> i / 20.0).toArray();

    /** Kernel norms that grow with the kernel index, so low indices are the least sensitive. */
    private static double[][] norms() {
        double[][] n = new double[SPEC.size()][];
        for (int i = 0; i < SPEC.size(); i++) n[i] = IntStream.range(0, SPEC.layer(i).kernels()).mapToDouble(k -> 1 + k).toArray();
        return n;
    }

    private static BudgetProjector projector(HardwareModel hw, Budget b) {
        return new BudgetProjector(SPEC, hw, b, Sensitivity.of(SPEC, norms(), hw, b.resource()), W, A, S);
    }

    @Test
    void givenRandomPlans_whenProjected_thenEveryPlanMeetsItsBudgetAndOnlyShrinks() throws Exception {
        SplittableRandom rnd = new SplittableRandom(42);
        String[][] cases = {{"bitfusion", "latency=0.3"}, {"bitfusion", "energy=0.4"}, {"bismo", "latency=0.2"},
                {"bismo", "energy=0.5"}, {"size", "size=0.1"}, {"bops", "latency=0.15"}, {"bitfusion", "size=0.2"}};
        for (String[] c : cases) {
            HardwareModel hw = HardwareModels.byName(c[0], null);
            Budget b = Budget.parse(c[1]);
            BudgetProjector p = projector(hw, b);
            for (int i = 0; i < 15; i++) {
                CompressionPlan plan = Fixtures.randomPlan(SPEC, rnd, new int[]{2, 4, 6, 8, 32}, new double[]{0, 0.1, 0.5});
                CompressionPlan out = p.project(plan);
                Cost cost = hw.cost(SPEC, out);
                assertTrue(b.fits(cost, p.reference()), c[0] + " " + c[1] + ": " + cost.of(b.resource()) / p.reference().of(b.resource()));
                assertOnlyShrinks(plan, out);
            }
        }
    }

    private static void assertOnlyShrinks(CompressionPlan in, CompressionPlan out) {
        for (int i = 0; i < SPEC.size(); i++) {
            assertTrue(out.layer(i).activationBits() <= in.layer(i).activationBits());
            for (int k = 0; k < SPEC.layer(i).kernels(); k++) {
                assertTrue(out.layer(i).weightBits(k) <= in.layer(i).weightBits(k));
                assertTrue(out.layer(i).sparsity(k) >= in.layer(i).sparsity(k));
            }
        }
    }

    @Test
    void givenPlanWithinBudget_whenProjected_thenUnchanged() throws Exception {
        BudgetProjector p = projector(HardwareModels.byName("bitfusion", null), Budget.parse("latency=0.9"));
        CompressionPlan plan = CompressionPlan.uniform(SPEC, 4, 4, 0);
        assertSame(plan, p.project(plan));
    }

    @Test
    void givenMildBudget_whenProjected_thenLeastSensitiveKernelsCompressedFirst() throws Exception {
        HardwareModel hw = HardwareModels.byName("bops", null);
        BudgetProjector p = projector(hw, Budget.parse("latency=0.8"));
        CompressionPlan out = p.project(Budget.referencePlan(SPEC));
        var dense = out.layer(2);
        assertTrue(dense.weightBits(0) < 8, "smallest-norm kernel compressed");
        assertEquals(8, dense.weightBits(499), "largest-norm kernel kept");
        for (int k = 1; k < dense.kernels(); k++) assertTrue(dense.weightBits(k) >= dense.weightBits(k - 1), java.util.Arrays.toString(dense.weightBits()) + java.util.Arrays.toString(dense.sparsity()));
    }

    @Test
    void givenSizeBudget_whenSmallSparsityCostsMoreThanItSaves_thenGiveBackUndoesIt() throws Exception {
        HardwareModel hw = HardwareModels.byName("size", null);
        BudgetProjector p = projector(hw, Budget.parse("size=0.3"));
        CompressionPlan out = p.project(Budget.referencePlan(SPEC));
        var dense = out.layer(2);
        for (int k = 0; k < dense.kernels(); k++) {
            if (dense.sparsity(k) > 0) {
                // pruning pays only when the kept weights plus their positions take fewer bits than the dense kernel
                int fanIn = SPEC.layer(2).fanIn(), bits = dense.weightBits(k);
                assertTrue(KernelStorage.bits(fanIn, dense.keptWeights(k, fanIn), bits) < KernelStorage.bits(fanIn, fanIn, bits),
                        "kernel " + k + ": " + bits + " bits, sparsity " + dense.sparsity(k));
            }
        }
        assertTrue(p.fits(out));
    }

    @Test
    void givenImpossibleBudget_whenBuilt_thenErrorNamesBudgetAndSmallestCost() throws Exception {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> projector(HardwareModels.byName("bitfusion", null), Budget.parse("latency=0.001")));
        assertTrue(e.getMessage().startsWith("budget latency=0.001 cannot be met on bitfusion"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> projector(HardwareModels.byName("size", null), Budget.parse("latency=0.5")));
    }
}
