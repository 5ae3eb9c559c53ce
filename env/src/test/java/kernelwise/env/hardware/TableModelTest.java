package kernelwise.env.hardware;

import kernelwise.env.Cost;
import kernelwise.env.Fixtures;
import kernelwise.models.plan.CompressionPlan;
import kernelwise.models.plan.LayerPlan;
import kernelwise.models.plan.NetworkSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TableModelTest {

    private static final NetworkSpec SPEC = Fixtures.lenet5();

    /** A table with a distinct row for every layer, weight bits 1..8 and activation bits 2..8. */
    private static Path writeTable(Path dir) throws Exception {
        List<String> lines = new ArrayList<>(List.of("# measured on a test board", "# clock_hz=2e8", TableModel.HEADER));
        for (int i = 0; i < SPEC.size(); i++) {
            for (int w = 1; w <= 8; w++) {
                for (int a = 2; a <= 8; a++) {
                    lines.add(SPEC.layer(i).name() + "," + w + "," + a + "," + rowCycles(i, w, a) + "," + 10 * rowCycles(i, w, a));
                }
            }
        }
        Path file = dir.resolve("board.csv");
        Files.write(file, lines);
        return file;
    }

    private static double rowCycles(int layer, int w, int a) {
        return 1000.0 * (layer + 1) + 10 * w + a;
    }

    @Test
    void givenTable_whenUniformPlansCosted_thenEveryRowReproduced(@TempDir Path dir) throws Exception {
        HardwareModel table = HardwareModels.byName("table", writeTable(dir));
        for (int w = 1; w <= 8; w++) {
            for (int a = 2; a <= 8; a++) {
                Cost c = table.cost(SPEC, CompressionPlan.uniform(SPEC, w, a, 0));
                double total = 0;
                for (int i = 0; i < SPEC.size(); i++) {
                    assertEquals(rowCycles(i, w, a), c.layerCycles()[i], 1e-9);
                    assertEquals(10 * rowCycles(i, w, a), c.layerEnergyPj()[i], 1e-9);
                    total += rowCycles(i, w, a);
                }
                assertEquals(total, c.cycles(), 1e-9);
                assertEquals(total / 2e8, c.seconds(), 1e-15);
            }
        }
    }

    @Test
    void givenMixedAndRemovedKernels_whenCosted_thenShareOfRowsPerLiveKernel(@TempDir Path dir) throws Exception {
        HardwareModel table = HardwareModels.byName("table", writeTable(dir));
        CompressionPlan plan = CompressionPlan.uniform(SPEC, 8, 8, 0)
                .withLayer(3, new LayerPlan("out", 8, new int[]{2, 2, 2, 2, 2, 8, 8, 8, 8, 8},
                        new double[]{0, 0, 0, 0, 0, 0, 0, 0, 0, 1}));
        double expected = 5 * rowCycles(3, 2, 8) / 10 + 4 * rowCycles(3, 8, 8) / 10;
        assertEquals(expected, table.cost(SPEC, plan).layerCycles()[3], 1e-9);
    }

    @Test
    void givenTableExportedFromBitFusion_whenUniformPlansCosted_thenSameCostsAsBitFusion(@TempDir Path dir) throws Exception {
        HardwareModel bf = HardwareModels.byName("bitfusion", null);
        Path file = dir.resolve("bf.csv");
        Files.write(file, TableModel.export(bf, SPEC, List.of(2, 4, 8), List.of(4, 8), 500e6));
        HardwareModel table = HardwareModels.byName("table", file);
        for (int w : new int[]{2, 4, 8}) {
            for (int a : new int[]{4, 8}) {
                CompressionPlan plan = CompressionPlan.uniform(SPEC, w, a, 0);
                Cost expected = bf.cost(SPEC, plan), actual = table.cost(SPEC, plan);
                assertEquals(expected.cycles(), actual.cycles(), 1e-6 * expected.cycles());
                assertEquals(expected.seconds(), actual.seconds(), 1e-6 * expected.seconds());
                assertEquals(expected.energyPj(), actual.energyPj(), 1e-6 * expected.energyPj());
            }
        }
    }

    @Test
    void givenShippedLeNetExample_whenLoaded_thenCoversEveryBitPairOfTheZooLeNet() throws Exception {
        Path file = Path.of(TableModelTest.class.getResource("/kernelwise/hardware/table-example-lenet5.csv").toURI());
        TableModel table = TableModel.load(file);
        table.checkCovers(SPEC, List.of(1, 2, 3, 4, 5, 6, 7, 8), List.of(2, 3, 4, 5, 6, 7, 8));
        assertEquals(500e6, table.clockHz());
    }

    @Test
    void givenMissingRow_whenCosted_thenErrorNamesLayerAndBits(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("t.csv");
        Files.write(file, List.of(TableModel.HEADER, "conv1,8,8,100,1000"));
        TableModel table = TableModel.load(file);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> table.cost(SPEC, CompressionPlan.uniform(SPEC, 8, 8, 0)));
        assertEquals(file + ": no row for layer 'conv2' with weight_bits 8 and activation_bits 8", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> table.checkCovers(SPEC, List.of(8), List.of(8)));
    }

    @Test
    void givenBadValues_whenLoaded_thenOneLineErrorsNameFileLineAndValue(@TempDir Path dir) throws Exception {
        assertError(dir, List.of(TableModel.HEADER, "conv1,8,8,abc,1"), ":2: latency_cycles must be a number, found 'abc'");
        assertError(dir, List.of(TableModel.HEADER, "conv1,9,8,1,1"), ":2: weight_bits must be 1..8 or 32, found '9'");
        assertError(dir, List.of(TableModel.HEADER, "conv1,8,1,1,1"), ":2: activation_bits must be 2..8 or 32, found '1'");
        assertError(dir, List.of(TableModel.HEADER, "conv1,8,8,1,-5"), ":2: energy_pj must be >= 0, found '-5'");
        assertError(dir, List.of("# c", TableModel.HEADER, "conv1,8,8,1"), ":3: expected 5 fields");
        assertError(dir, List.of("layer,w,a,lat,en", "conv1,8,8,1,1"), ":1: expected header");
        assertError(dir, List.of(TableModel.HEADER, "conv1,8,8,1,1", "conv1,8,8,2,2"), ":3: duplicate row");
        assertError(dir, List.of("# clock_hz=fast", TableModel.HEADER, "conv1,8,8,1,1"), ":1: clock_hz must be a number, found 'fast'");
    }

    private static void assertError(Path dir, List<String> lines, String expected) throws Exception {
        Path file = dir.resolve("bad.csv");
        Files.write(file, lines);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TableModel.load(file));
        assertTrue(e.getMessage().startsWith(file.toString()) && e.getMessage().contains(expected), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), "one line");
    }
}
