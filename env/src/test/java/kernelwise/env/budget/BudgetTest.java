package kernelwise.env.budget;

import kernelwise.env.Resource;
import kernelwise.env.Cost;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BudgetTest {

    @Test
    void givenTextForms_whenParsed_thenResourceAndFraction() {
        assertEquals(new Budget(Resource.LATENCY, 0.4), Budget.parse("latency=0.4"));
        assertEquals(new Budget(Resource.ENERGY, 0.3), Budget.parse(" energy <= 0.3x "));
        assertEquals(new Budget(Resource.SIZE, 0.1), Budget.parse("SIZE=1e-1"));
    }

    @Test
    void givenBudget_whenWrittenAndParsed_thenSame() {
        Budget b = new Budget(Resource.ENERGY, 0.25);
        assertEquals(b, Budget.parse(b.toText()));
    }

    @Test
    void givenBadText_whenParsed_thenOneLineErrorNamingTheText() {
        for (String bad : new String[]{"latency", "speed=0.4", "latency=abc", "latency=0.4.5", "", "latency:0.4"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Budget.parse(bad));
            assertTrue(e.getMessage().contains("found '" + bad + "'"), e.getMessage());
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Budget.parse("size=0"));
        assertEquals("budget fraction must be positive, found '0' in 'size=0'", e.getMessage());
    }
}
