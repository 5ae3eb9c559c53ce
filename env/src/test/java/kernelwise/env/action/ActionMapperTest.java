package kernelwise.env.action;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ActionMapperTest {

    private final ActionMapper m = new ActionMapper(new int[]{8, 1, 2, 3, 4, 5, 6, 7}, new int[]{2, 4, 8}, new double[]{0, 0.5, 0.9});

    @Test
    void givenUnitInterval_whenMapped_thenEqualBinsAndEndsIncluded() {
        assertEquals(1, m.weightBits(0.0));
        assertEquals(1, m.weightBits(0.1249));
        assertEquals(2, m.weightBits(0.125));
        assertEquals(8, m.weightBits(1.0));
        assertEquals(2, m.activationBits(0.0));
        assertEquals(8, m.activationBits(1.0));
        assertEquals(0.5, m.sparsity(0.5));
        assertEquals(0.9, m.sparsity(0.99));
    }

    @Test
    void givenDiscreteChoice_whenTurnedIntoActionAndBack_thenSameLevel() {
        for (int i = 0; i < m.weightChoices(); i++) assertEquals(m.weightLevels()[i], m.weightBits(m.weightAction(i)));
        for (int i = 0; i < m.activationChoices(); i++) assertEquals(m.activationLevels()[i], m.activationBits(m.activationAction(i)));
        for (int i = 0; i < m.sparsityChoices(); i++) assertEquals(m.sparsityLevels()[i], m.sparsity(m.sparsityAction(i)));
        assertEquals(1, m.activationChoiceAtLeast(3));
        assertEquals(0, m.activationChoiceAtLeast(1));
        assertEquals(2, m.activationChoiceAtLeast(32));
    }

    @Test
    void givenOutOfRangeAction_whenMapped_thenErrorNamesValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> m.weightBits(1.5));
        assertEquals("action values must be in [0,1], found 1.5", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> m.sparsity(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> m.weightAction(8));
    }

    @Test
    void givenBits_whenNormalised_thenBetweenSmallestAndLargestLevel() {
        assertEquals(0, m.normalizedWeightBits(1));
        assertEquals(1, m.normalizedWeightBits(8));
        assertEquals(1, m.normalizedWeightBits(32));
        assertEquals(0.5, m.normalizedWeightBits(4.5), 1e-12);
        assertEquals(1, m.normalizedSparsity(0.95));
    }
}
