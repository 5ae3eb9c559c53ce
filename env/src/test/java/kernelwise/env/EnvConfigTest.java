package kernelwise.env;

import kernelwise.env.budget.Budget;
import kernelwise.env.reward.RewardMode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EnvConfigTest {

    @Test
    void givenConfig_whenWrittenAsJsonAndRead_thenEqual() {
        EnvConfig c = EnvConfig.defaults().withBudget(Budget.parse("energy=0.3")).withMode(RewardMode.WEIGHTED).withKernelSteps(false);
        assertEquals(c, EnvConfig.fromJson(c.toJson()));
        assertEquals(EnvConfig.defaults(), EnvConfig.fromJson(EnvConfig.defaults().toJson()));
    }

    @Test
    void givenBadValues_whenBuilt_thenErrorsNameParameterAndValue() {
        EnvConfig d = EnvConfig.defaults();
        assertMessage("hardware must be one of", () -> d.withHardware("gpu", null));
        assertMessage("hardware 'table' needs hardwareParams", () -> d.withHardware("table", null));
        assertMessage("weightBits must each be 1..8 or 32, found 9", () -> new EnvConfig("bitfusion", null, d.budget(), d.mode(), 0.01, true,
                List.of(2, 9), d.activationBits(), d.sparsityLevels(), 0, 0, 10));
        assertMessage("activationBits must each be 2..8 or 32, found 1", () -> new EnvConfig("bitfusion", null, d.budget(), d.mode(), 0.01, true,
                d.weightBits(), List.of(1, 8), d.sparsityLevels(), 0, 0, 10));
        assertMessage("sparsityLevels must each be in [0,1], found 1.5", () -> new EnvConfig("bitfusion", null, d.budget(), d.mode(), 0.01, true,
                d.weightBits(), d.activationBits(), List.of(0.0, 1.5), 0, 0, 10));
        assertMessage("maxAccuracyLoss must be in [0,1], found -0.1", () -> new EnvConfig("bitfusion", null, d.budget(), d.mode(), -0.1, true,
                d.weightBits(), d.activationBits(), d.sparsityLevels(), 0, 0, 10));
        assertMessage("scorers must be >= 0", () -> d.withScoring(-1, 0, 10));
        assertMessage("not a valid env config", () -> EnvConfig.fromJson("{\"hardware\": \"bitfusion\", \"typo\": 1}"));
    }

    private static void assertMessage(String expected, org.junit.jupiter.api.function.Executable e) {
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, e);
        assertTrue(ex.getMessage().contains(expected), ex.getMessage());
    }
}
