package kernelwise.models.train;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TrainConfigTest {
    @Test
    void givenBadValues_whenConstructed_thenErrorNamesParameterAndValue() {
        assertEquals("epochs must be positive, found 0",
                assertThrows(IllegalArgumentException.class, () -> new TrainConfig(0, 64, 1e-3, 1, 1)).getMessage());
        assertEquals("batch size must be positive, found -1",
                assertThrows(IllegalArgumentException.class, () -> new TrainConfig(1, -1, 1e-3, 1, 1)).getMessage());
        assertEquals("learning rate must be in (0, 1], found NaN",
                assertThrows(IllegalArgumentException.class, () -> new TrainConfig(1, 8, Double.NaN, 1, 1)).getMessage());
        assertEquals("lr decay must be in (0, 1], found 1.5",
                assertThrows(IllegalArgumentException.class, () -> new TrainConfig(1, 8, 0.1, 1.5, 1)).getMessage());
    }

    @Test
    void givenDefaults_whenAskedPerEpoch_thenStepDecay() {
        TrainConfig c = TrainConfig.defaults("lenet5");
        assertEquals(1e-3, c.learningRate(0), 1e-12);
        assertEquals(1e-3 * c.lrDecay() * c.lrDecay(), c.learningRate(2), 1e-12);
        assertEquals(7, c.withSeed(7).seed());
        assertEquals(c.withEpochs(9).withBatchSize(32).withLearningRate(0.01),
                new TrainConfig(9, 32, 0.01, c.lrDecay(), c.seed()));
    }
}
