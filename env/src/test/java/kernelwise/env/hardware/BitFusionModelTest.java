package kernelwise.env.hardware;

import kernelwise.env.Cost;
import kernelwise.env.Fixtures;
import kernelwise.models.plan.CompressionPlan;
import kernelwise.models.plan.LayerPlan;
import kernelwise.models.plan.NetworkSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BitFusionModelTest {

    private final BitFusionModel model = new BitFusionModel(BitFusionModel.Params.defaults());

    @Test
    void givenDefaults_whenLoaded_thenEdgeConfiguration() {
        BitFusionModel.Params p = model.params();
        assertEquals(16, p.rows());
        assertEquals(32, p.columns());
        assertEquals(500e6, p.clockHz());
        assertEquals(192, p.memoryInterfaceBits());
        assertTrue(p.notes().containsKey("corePjPerCycle"), "energy constants documented");
    }

    @Test
    void givenSmallConvAt8Bits_whenCosted_thenHandComputedCyclesAndEnergy() {
        NetworkSpec spec = Fixtures.smallConv();
        Cost c = model.cost(spec, CompressionPlan.uniform(spec, 8, 8, 0));
        // compute: ceil(18/16)=2 passes x 16 positions / (1x1) = 32; memory: weights 4*(8+18*8)=608 (scale code and
        // dense weights), inputs 2*6*6*8=576, outputs 4*16*8=512 -> 1696 bits / 192 = 8.8 -> 9 cycles; latency max(32,9)=32
        assertEquals(32, c.cycles(), 1e-9);
        assertEquals(32 / 500e6, c.seconds(), 1e-18);
        // energy: 32*117.76 core + 1696*0.16 sram (one column tile) + 1696*20 dram
        assertEquals(32 * 117.76 + 1696 * 0.16 + 1696 * 20.0, c.energyPj(), 1e-6);
        assertEquals(608, c.storageBits());
    }

    @Test
    void givenSmallConvAt2Bits_whenCosted_thenMemoryBound() {
        NetworkSpec spec = Fixtures.smallConv();
        LayerTiming t = model.timings(spec, CompressionPlan.uniform(spec, 2, 2, 0))[0];
        assertEquals(2, t.computeCycles(), 1e-9);  // 32 / (4*4)
        // weights 4*(8+32+36)=304, inputs 2*36*2=144, outputs 4*16*2=128 -> 576/192 = 3
        assertEquals(3, t.memoryCycles(), 1e-9);
        assertEquals(3, t.cycles(), 1e-9);
    }

    @Test
    void givenMixedKernels_whenTiled_thenKernelsGroupedByBits(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bf.json");
        Files.writeString(file, HardwareModels.defaultParamsJson("bitfusion").replace("\"columns\": 32", "\"columns\": 2"));
        BitFusionModel twoColumns = new BitFusionModel(BitFusionModel.Params.load(file));
        NetworkSpec spec = Fixtures.smallConv();
        CompressionPlan plan = CompressionPlan.of(spec, List.of(new LayerPlan("c", 8, new int[]{8, 2, 2, 8}, new double[4])));
        // sorted [2,2 | 8,8]: 32/4 + 32/1 = 40 (unsorted [8,2 | 2,8] would take 64)
        assertEquals(40, twoColumns.timings(spec, plan)[0].computeCycles(), 1e-9);
        CompressionPlan removed = CompressionPlan.of(spec, List.of(new LayerPlan("c", 8, new int[]{8, 2, 2, 8}, new double[]{1, 0, 0, 0})));
        // the removed 8-bit kernel takes no slot: [2,2 | 8] = 8 + 32
        assertEquals(40, twoColumns.timings(spec, removed)[0].computeCycles(), 1e-9);
    }

    @Test
    void givenFloatOperands_whenCosted_thenRunAsSixteenBitPasses() {
        NetworkSpec spec = Fixtures.smallConv();
        LayerTiming t = model.timings(spec, CompressionPlan.identity(spec))[0];
        assertEquals(32 * 4, t.computeCycles(), 1e-9);  // speed-up 1/2 per 16-bit operand
    }

    @Test
    void givenLeNet_whenAll8VersusAll2_thenRatioIsWhatTheModelPredicts() {
        NetworkSpec spec = Fixtures.lenet5();
        LayerTiming[] t8 = model.timings(spec, CompressionPlan.uniform(spec, 8, 8, 0));
        LayerTiming[] t2 = model.timings(spec, CompressionPlan.uniform(spec, 2, 2, 0));
        double predicted8 = 0, predicted2 = 0;
        for (int i = 0; i < spec.size(); i++) {
            var l = spec.layer(i);
            assertEquals(16.0, t8[i].computeCycles() / t2[i].computeCycles(), 1e-12, "fused speed-up 4x4 on " + l.name());
            double in = (double) l.inChannels() * l.inH() * l.inW();
            double out = (double) l.kernels() * l.outputPositions();
            double w8 = l.kernels() * (8 + 8.0 * l.fanIn());
            double w2 = l.kernels() * (8 + 2.0 * l.fanIn());
            double m8 = Math.ceil((w8 + 8 * in + 8 * out) / 192);
            double m2 = Math.ceil((w2 + 2 * in + 2 * out) / 192);
            assertEquals(m8, t8[i].memoryCycles(), 1e-9);
            assertEquals(m2, t2[i].memoryCycles(), 1e-9);
            predicted8 += Math.max(t8[i].computeCycles(), m8);
            predicted2 += Math.max(t8[i].computeCycles() / 16, m2);
        }
        double ratio = model.cost(spec, CompressionPlan.uniform(spec, 8, 8, 0)).cycles()
                / model.cost(spec, CompressionPlan.uniform(spec, 2, 2, 0)).cycles();
        assertEquals(predicted8 / predicted2, ratio, 1e-12);
        assertTrue(ratio > 4 && ratio <= 16, "between the memory (4x) and compute (16x) bounds, found " + ratio);
    }

    @Test
    void givenEditedFileWithTypo_whenLoaded_thenErrorNamesFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bf.json");
        Files.writeString(file, HardwareModels.defaultParamsJson("bitfusion").replace("\"rows\"", "\"rowz\""));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BitFusionModel.Params.load(file));
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("rows"), e.getMessage());
        assertThrows(NoSuchFileException.class, () -> HardwareModels.byName("bitfusion", dir.resolve("missing.json")));
    }

    @Test
    void givenNegativeValue_whenLoaded_thenErrorNamesParameterAndValue(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bf.json");
        Files.writeString(file, HardwareModels.defaultParamsJson("bitfusion").replace("\"rows\": 16", "\"rows\": -3"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BitFusionModel.Params.load(file));
        assertTrue(e.getMessage().contains("rows must be positive, found -3"), e.getMessage());
    }
}
