package kernelwise.models.export;

import kernelwise.models.plan.CompressionPlan;
import kernelwise.models.plan.LayerInfo;
import kernelwise.models.plan.LayerKind;
import kernelwise.models.plan.LayerPlan;
import kernelwise.models.plan.NetworkSpec;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlanCodecTest {

    private static final int FAN_IN = 800;

    private static NetworkSpec spec() {
        return new NetworkSpec(List.of(new LayerInfo(0, "fc", LayerKind.DENSE, 500, FAN_IN, FAN_IN, 1, 1, 1, 1, 1, 1, 1)));
    }

    /** 500 kernels: a fraction removed, the others keeping 4..20 weights (fc1 of a 300x LeNet-5 plan). */
    private static CompressionPlan plan(double removedFraction, long seed) {
        Random rnd = new Random(seed);
        int[] bits = new int[500];
        double[] sparsity = new double[500];
        for (int k = 0; k < 500; k++) {
            bits[k] = 2;
            int kept = rnd.nextDouble() < removedFraction ? 0 : 4 + rnd.nextInt(17);
            sparsity[k] = (FAN_IN - kept) / (double) FAN_IN;
        }
        return CompressionPlan.of(spec(), List.of(new LayerPlan("fc", 32, bits, sparsity)));
    }

    private static int[] kept(CompressionPlan p) {
        int[] k = new int[500];
        for (int i = 0; i < 500; i++) k[i] = p.layer(0).keptWeights(i, FAN_IN);
        return k;
    }

    @Test
    void givenLayersWithAndWithoutRemovedKernels_whenEncodedAndDecoded_thenKeptCountsAndBitsRoundTrip() throws Exception {
        for (double removed : new double[]{0.0, 0.55, 1.0}) {
            CompressionPlan p = plan(removed, 7);
            CompressionPlan back = PlanCodec.decode(PlanCodec.encode(p, spec()), spec(), new String[]{"fc"}, new int[]{32});
            assertArrayEquals(kept(p), kept(back), "removed fraction " + removed);
            for (int k = 0; k < 500; k++) if (kept(p)[k] > 0) assertEquals(2, back.layer(0).weightBits(k));
        }
    }

    @Test
    void givenHalfTheKernelsRemoved_whenEncoded_thenRemovedFlagsBeatRiceCodingTheZeros() {
        int bytes = PlanCodec.encode(plan(0.55, 7), spec()).length;
        // Rice-coding the zeros with the parameter the non-zero counts need costs ~3 bits each; a flag costs 1.
        long alive = java.util.Arrays.stream(kept(plan(0.55, 7))).filter(k -> k > 0).count();
        assertTrue(bytes * 8 < 500 + alive * 5 + 64, bytes + " bytes for " + alive + " kept kernels of 500");
    }

    @Test
    void givenCorruptKeptCount_whenDecoded_thenRefused() {
        byte[] block = PlanCodec.encode(plan(0.0, 3), spec());
        java.util.Arrays.fill(block, (byte) 0xFF);
        assertThrows(KwFormatException.class, () -> PlanCodec.decode(block, spec(), new String[]{"fc"}, new int[]{32}));
    }
}
