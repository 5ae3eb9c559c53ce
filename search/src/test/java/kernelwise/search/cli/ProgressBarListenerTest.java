package kernelwise.search.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class ProgressBarListenerTest {
    @Test
    void givenStderrIsNotATerminal_whenAModelTrains_thenALineAtEveryTenthOfAnEpochAndAtEachEpochsEnd() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
             ProgressBarListener p = new ProgressBarListener("training lenet5", err, false)) {
            p.onStart(2, 100);
            for (int e = 0; e < 2; e++) {
                for (int b = 0; b < 100; b++) p.onBatch(e, b, 0.5);
                p.onEpochEnd(e, 1.0);
            }
            p.onEvaluate("test");
        }
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals("training lenet5: 2 epochs of 100 batches", lines.get(0));
        assertTrue(lines.get(1).startsWith("training lenet5: epoch 1/2, batch 10/100, loss 0.5000, "), lines.get(1));
        assertEquals(1 + 2 * (9 + 1) + 1, lines.size(), String.join("\n", lines));
        assertTrue(lines.get(10).startsWith("training lenet5: epoch 1/2 done in 1 s"), lines.get(10));
        assertEquals("evaluating on the test split...", lines.get(lines.size() - 1));
        assertFalse(String.join("", lines).contains("\r"), "no bar redraws in a log file");
    }
}
