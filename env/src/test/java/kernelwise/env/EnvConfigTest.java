package kernelwise.env;

import kernelwise.env.budget.Budget;
import kernelwise.env.reward.RewardMode;
import org.junit.jupiter.api.Test;

import java.util.List;

import kernelwise.env.action.KernelAllocation;
import kernelwise.models.compress.Recovery;

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
    void givenAConfigStoredBeforeAllocationAndRecoveryExisted_whenRead_thenItKeepsTheOldBehaviour() throws Exception {
        var node = (com.fasterxml.jackson.databind.node.ObjectNode) new com.fasterxml.jackson.databind.ObjectMapper().readTree(EnvConfig.defaults().toJson());
        node.remove(List.of("allocation", "recovery", "recoverySamples"));
        EnvConfig old = EnvConfig.fromJson(node.toString());
        assertEquals(KernelAllocation.UNIFORM, old.allocation());
        assertEquals(Recovery.NONE, old.recovery());
        assertEquals(KernelAllocation.MAGNITUDE, EnvConfig.defaults().allocation());
    }

    @Test
    void givenTheDefaultLevels_whenListed_thenDensitiesHalveEveryTwoLevelsDownToRemoval() {
        List<Double> s = EnvConfig.defaults().sparsityLevels();
        assertEquals(22, s.size());
        assertEquals(0.0, s.get(0));
        assertEquals(0.5, s.get(2), 1e-12);
        assertEquals(1 - 1 / 1024.0, s.get(20), 1e-12);
        assertEquals(1.0, s.get(21));
    }

    @Test
    void givenBadValues_whenBuilt_thenErrorsNameParameterAndValue() {
        EnvConfig d = EnvConfig.defaults();
        assertMessage("hardware must be one of", () -> d.withHardware("gpu", null));
        assertMessage("hardware 'table' needs hardwareParams", () -> d.withHardware("table", null));
        assertMessage("weightBits must each be 1..8 or 32, found 9", () -> d.toBuilder().levels(List.of(2, 9), d.activationBits(), d.sparsityLevels()).build());
        assertMessage("activationBits must each be 2..8 or 32, found 1", () -> d.toBuilder().levels(d.weightBits(), List.of(1, 8), d.sparsityLevels()).build());
        assertMessage("sparsityLevels must each be in [0,1], found 1.5", () -> d.toBuilder().levels(d.weightBits(), d.activationBits(), List.of(0.0, 1.5)).build());
        assertMessage("maxAccuracyLoss must be in [0,1], found -0.1", () -> d.toBuilder().maxAccuracyLoss(-0.1).build());
        assertMessage("recoverySamples must be positive for recovery LSQ, found 0", () -> d.toBuilder().recovery(Recovery.LSQ, 0).build());
        assertMessage("scorers must be >= 0", () -> d.withScoring(-1, 0, 10));
        assertMessage("not a valid env config", () -> EnvConfig.fromJson("{\"hardware\": \"bitfusion\", \"typo\": 1}"));
    }

    private static void assertMessage(String expected, org.junit.jupiter.api.function.Executable e) {
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, e);
        assertTrue(ex.getMessage().contains(expected), ex.getMessage());
    }
}
