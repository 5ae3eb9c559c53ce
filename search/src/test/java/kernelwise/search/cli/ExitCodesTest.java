package kernelwise.search.cli;

import kernelwise.search.PlanChoice;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** Exit 2 means arguments Kernelwise checked; the same exception type thrown inside a library is an internal failure (exit 1). */
class ExitCodesTest {
    @Test
    void givenABadValueCheckedByKernelwise_thenUsage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PlanChoice.parse("colour"));
        assertEquals(ExitCode.USAGE, Main.exitCodeFor(e));
        IllegalArgumentException budget = assertThrows(IllegalArgumentException.class, () -> kernelwise.search.SearchConfig.builder().budget("latency=abc").build());
        assertEquals(ExitCode.USAGE, Main.exitCodeFor(budget));
    }

    @Test
    void givenAnIllegalArgumentInsideALibrary_thenAnInternalFailureNotUsage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new com.fasterxml.jackson.databind.ObjectMapper().convertValue("not a number", Integer.class));
        assertEquals(ExitCode.FAILURE, Main.exitCodeFor(e));
        assertTrue(Main.oneLine(e).startsWith("internal error: "), Main.oneLine(e));
    }
}
