package kernelwise.models.compress;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScaleCodeTest {

    @Test
    void givenScalesBelowTheReference_whenRounded_thenWithinTwoPointTwoPercentAndStableUnderRoundingAgain() {
        float reference = 0.0371f;
        for (double f = 1.0; f > 1.0 / 60_000; f *= 0.987) {
            float scale = (float) (reference * f);
            float rounded = ScaleCode.round(reference, scale);
            assertTrue(Math.abs(rounded - scale) <= 0.0219 * scale, "scale " + scale + " -> " + rounded);
            assertEquals(rounded, ScaleCode.round(reference, rounded), 0f, "idempotent at " + scale);
            assertEquals(rounded, ScaleCode.value(reference, ScaleCode.code(reference, scale)), 0f);
        }
        assertEquals(reference, ScaleCode.round(reference, reference), 0f);
    }

    @Test
    void givenScalesOutsideTheGrid_whenCoded_thenClampedToItsEnds() {
        assertEquals(0, ScaleCode.code(1f, 3f));
        assertEquals(ScaleCode.MAX_CODE, ScaleCode.code(1f, 1e-9f));
        assertEquals(ScaleCode.MAX_CODE, ScaleCode.code(1f, 0f));
        assertEquals(0f, ScaleCode.value(0f, 0), 0f);
        assertThrows(IllegalArgumentException.class, () -> ScaleCode.value(1f, 256));
    }
}
