package kernelwise.models.finetune;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PruningSensitivityTest {

    private final PruningSensitivity curves = new PruningSensitivity(new double[]{0, 0.5, 0.9},
            new double[][]{{0, 0.00, 0.01}, {0, 0.02, 0.20}});

    @Test
    void givenARobustAndASensitiveLayer_whenABudgetIsAllocated_thenTheRobustLayerPrunesMoreAndTheBudgetIsMet() {
        long[] weights = {1000, 1000};
        double[] s = curves.allocate(weights, 1000);
        assertTrue(s[0] > s[1], "robust layer prunes more: " + s[0] + " vs " + s[1]);
        assertEquals(1000, s[0] * 1000 + s[1] * 1000, 1.0);
    }

    @Test
    void givenADrop_whenAllowedIsAsked_thenItInterpolatesBetweenMeasuredSparsities() {
        assertEquals(0.5, curves.allowed(1, 0.02), 1e-9);
        assertEquals(0.5 + 0.4 * (0.11 - 0.02) / 0.18, curves.allowed(1, 0.11), 1e-9);
        assertEquals(0.9, curves.allowed(0, 0.5), 1e-9);
    }

    @Test
    void givenABudgetBeyondTheMeasuredRange_whenAllocated_thenRefusedNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> curves.allocate(new long[]{10, 10}, 19));
        assertTrue(e.getMessage().contains("budget 19"), e.getMessage());
    }
}
