package kernelwise.models.export;

import kernelwise.models.compress.Accuracy;
import kernelwise.models.compress.ActivationRanges;
import kernelwise.models.compress.CompressibleLayer;
import kernelwise.models.compress.FastPlanScorer;
import kernelwise.models.compress.KernelProjection;
import kernelwise.models.compress.KernelStorage;
import kernelwise.models.compress.LayerWeights;
import kernelwise.models.compress.NetworkSpecs;
import kernelwise.models.compress.QuantizedNetwork;
import kernelwise.models.compress.TestData;
import kernelwise.models.plan.CompressionPlan;
import kernelwise.models.plan.LayerInfo;
import kernelwise.models.plan.LayerPlan;
import kernelwise.models.plan.NetworkSpec;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KwFileTest {

    @TempDir
    Path dir;

    /** Every kernel a different mix: bits cycle through 1..8 and 32, sparsity through dense, bitmap, index list, removed. */
    static CompressionPlan mixedPlan(NetworkSpec spec) {
        int[] bitChoices = {1, 2, 3, 4, 5, 6, 7, 8, 32};
        double[] sparsities = {0.0, 0.3, 0.95, 1.0, 0.5};
        List<LayerPlan> layers = new ArrayList<>();
        for (LayerInfo l : spec.layers()) {
            int[] bits = new int[l.kernels()];
            double[] sp = new double[l.kernels()];
            for (int k = 0; k < l.kernels(); k++) {
                bits[k] = bitChoices[(k + l.index()) % bitChoices.length];
                sp[k] = sparsities[(k * 7 + l.index()) % sparsities.length];
            }
            layers.add(new LayerPlan(l.name(), l.index() == 0 ? 8 : 4, bits, sp));
        }
        return CompressionPlan.of(spec, layers);
    }

    private static void assertBitIdentical(INDArray expected, INDArray actual, String what) {
        float[] e = expected.dup('c').reshape(-1).toFloatVector(), a = actual.dup('c').reshape(-1).toFloatVector();
        assertEquals(e.length, a.length, what);
        for (int i = 0; i < e.length; i++) {
            if (!(e[i] == a[i])) throw new AssertionError(what + " differs at " + i + ": " + e[i] + " vs " + a[i]);
        }
    }

    private void assertRoundTrip(Model net) throws Exception {
        NetworkSpec spec = NetworkSpecs.of(net);
        CompressionPlan plan = mixedPlan(spec);
        ActivationRanges ranges = FastPlanScorer.calibrate(net, TestData.randomData(64, 1));
        Path file = dir.resolve("m.kw");
        long bytes = KwFile.write(net, plan, ranges, Map.of("test", "round trip"), file);
        KwFile.Packed packed = KwFile.read(file);
        assertEquals(bytes, Files.size(file));
        assertSamePlan(plan, packed.plan(), spec);
        assertEquals(ranges, packed.ranges());
        List<CompressibleLayer> src = NetworkSpecs.layers(net), back = NetworkSpecs.layers(packed.network());
        for (int i = 0; i < src.size(); i++) {
            INDArray projected = KernelProjection.project(LayerWeights.read(src.get(i)), plan.layer(i)).weights();
            assertBitIdentical(projected, LayerWeights.read(back.get(i)), "layer " + i);
            INDArray bias = back.get(i).layer().getParam(LayerWeights.BIAS_KEY).reshape(-1);
            int removed = 0;
            for (int k = 0; k < spec.layer(i).kernels(); k++) {
                if (!plan.layer(i).removed(k, spec.layer(i).fanIn())) continue;
                assertEquals(0.0, bias.getDouble(k), "layer " + i + " removed kernel " + k + "'s bias");
                removed++;
            }
            assertTrue(removed > 0, "the mixed plan removes kernels of layer " + i);
        }
        for (String key : net.paramTable().keySet()) {
            INDArray source = net.paramTable().get(key), read = packed.network().paramTable().get(key);
            if (key.endsWith("_b")) {
                read = read.dup();
                INDArray zeroed = read.eq(0).castTo(read.dataType());
                source = source.mul(zeroed.rsub(1));
                double halfStep = source.amaxNumber().doubleValue() / 254 * (1 + 1e-5);
                assertTrue(source.sub(read).amaxNumber().doubleValue() <= halfStep, key + " within half an int8 step");
            } else if (!key.endsWith("_W")) {
                assertBitIdentical(source, read, key);
            }
        }
        long layerBytes = 0;
        for (int i = 0; i < spec.size(); i++) {
            long bits = 0;
            for (int k = 0; k < spec.layer(i).kernels(); k++) {
                bits += KernelStorage.bits(spec.layer(i).fanIn(), plan.layer(i).keptWeights(k, spec.layer(i).fanIn()), plan.layer(i).weightBits(k));
            }
            layerBytes += (bits + 7) / 8;
        }
        long others = net.numParams() - spec.totalWeights();
        assertTrue(bytes > layerBytes && bytes < layerBytes + 4 * others + 40_000, "size " + bytes + " = payload + header");
    }

    /** The plan as the file stores it: per kernel its kept count and, if it keeps any, its bits. */
    static void assertSamePlan(CompressionPlan expected, CompressionPlan actual, NetworkSpec spec) {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            LayerPlan e = expected.layer(i), a = actual.layer(i);
            int fanIn = spec.layer(i).fanIn();
            assertEquals(e.layer(), a.layer());
            assertEquals(e.activationBits(), a.activationBits());
            for (int k = 0; k < e.kernels(); k++) {
                assertEquals(e.keptWeights(k, fanIn), a.keptWeights(k, fanIn), "layer " + i + " kernel " + k);
                if (e.keptWeights(k, fanIn) > 0) assertEquals(e.weightBits(k), a.weightBits(k), "layer " + i + " kernel " + k);
            }
        }
    }

    @Test
    void givenZooNetwork_whenPacked_thenHeaderNamesTheZooAndTheSmallPlanFitsInAFewKilobytes() throws Exception {
        Model zoo = kernelwise.models.zoo.ModelZoo.create("lenet300", 7);
        assertEquals("lenet300", NetworkRef.zooName(zoo));
        assertEquals(null, NetworkRef.zooName(TestData.mlp(3)), "a network of its own is not mistaken for a zoo one");
        CompressionPlan plan = CompressionPlan.uniform(NetworkSpecs.of(zoo), 2, 32, 0.99);
        Path file = dir.resolve("zoo.kw");
        long bytes = KwFile.write(zoo, plan, FastPlanScorer.calibrate(zoo, TestData.randomData(16, 1)), Map.of(), file);
        KwFile.Packed packed = KwFile.read(file);
        assertEquals("lenet300", packed.zoo());
        List<CompressibleLayer> src = NetworkSpecs.layers(zoo), back = NetworkSpecs.layers(packed.network());
        long payloadBits = 0;
        for (int i = 0; i < src.size(); i++) {
            LayerInfo l = src.get(i).info();
            assertBitIdentical(KernelProjection.project(LayerWeights.read(src.get(i)), plan.layer(i)).weights(), LayerWeights.read(back.get(i)), "layer " + i);
            for (int k = 0; k < l.kernels(); k++) payloadBits += KernelStorage.bits(l.fanIn(), plan.layer(i).keptWeights(k, l.fanIn()), 2);
        }
        long biases = zoo.numParams() - NetworkSpecs.of(zoo).totalWeights();
        assertTrue(bytes > payloadBits / 8 && bytes < payloadBits / 8 + biases + 1_000,
                "lenet300 at 1% kept, 2 bits: " + bytes + " bytes, payload " + payloadBits / 8 + ", " + biases + " int8 biases");
    }

    @Test
    void givenNetworkOfItsOwn_whenPacked_thenConfigurationEmbeddedAndRebuilt() throws Exception {
        MultiLayerNetwork net = TestData.mlp(3);
        Path file = dir.resolve("own.kw");
        KwFile.write(net, CompressionPlan.uniform(NetworkSpecs.of(net), 4, 32, 0.5), FastPlanScorer.calibrate(net, TestData.randomData(16, 1)), Map.of(), file);
        KwFile.Packed packed = KwFile.read(file);
        assertEquals(null, packed.zoo());
        assertEquals(net.getLayerWiseConfigurations().getConfs().size(), ((MultiLayerNetwork) packed.network()).getLayerWiseConfigurations().getConfs().size());
    }

    @Test
    void givenMixedPlanOnMultiLayerNetwork_whenPackedAndRead_thenWeightsBitIdenticalToProjection() throws Exception {
        MultiLayerNetwork net = TestData.lenet(31);
        net.fit(TestData.randomData(32, 2));
        assertRoundTrip(net);
    }

    @Test
    void givenMixedPlanOnResidualGraph_whenPackedAndRead_thenWeightsAndBatchNormBitIdentical() throws Exception {
        ComputationGraph net = TestData.residual(32);
        net.fit(TestData.randomData(32, 3));
        assertRoundTrip(net);
    }

    @Test
    void givenPackedModel_whenEvaluatedWithStoredRanges_thenAccuracyEqualsTheScorers() throws Exception {
        MultiLayerNetwork net = TestData.trainedMlp(TestData.patterns(1000, 4));
        DataSet test = TestData.patterns(300, 5);
        DataSet calib = TestData.patterns(200, 6);
        CompressionPlan plan = CompressionPlan.uniform(NetworkSpecs.of(net), 3, 4, 0.6);
        FastPlanScorer scorer = new FastPlanScorer(net, test, calib);
        double scored = scorer.score(plan).accuracy();
        Path file = dir.resolve("p.kw");
        KwFile.write(net, plan, scorer.ranges(), Map.of(), file);
        KwFile.Packed packed = KwFile.read(file);
        QuantizedNetwork q = QuantizedNetwork.of(packed.network());
        q.setActivationQuant(packed.ranges().quants(packed.plan()));
        assertEquals(scored, new Accuracy(test, 100).of(q), 0.0);
    }

    @Test
    void givenTruncatedCorruptOrForeignFile_whenRead_thenRefusedWithOneLineReason() throws Exception {
        MultiLayerNetwork net = TestData.mlp(33);
        Path file = dir.resolve("a.kw");
        KwFile.write(net, CompressionPlan.uniform(NetworkSpecs.of(net), 4, 32, 0.5), FastPlanScorer.calibrate(net, TestData.randomData(32, 1)), Map.of(), file);
        byte[] good = Files.readAllBytes(file);

        Path truncated = dir.resolve("t.kw");
        Files.write(truncated, java.util.Arrays.copyOf(good, good.length - 100));
        assertTrue(assertThrows(KwFormatException.class, () -> KwFile.read(truncated)).getMessage().contains("truncated"));

        Path corrupt = dir.resolve("c.kw");
        byte[] flipped = good.clone();
        flipped[good.length / 2] ^= 0x10;
        Files.write(corrupt, flipped);
        assertTrue(assertThrows(KwFormatException.class, () -> KwFile.read(corrupt)).getMessage().contains("CRC32"));

        Path foreign = dir.resolve("f.kw");
        Files.writeString(foreign, "PK this is a zip, honestly, and it is long enough to pass the size check");
        KwFormatException e = assertThrows(KwFormatException.class, () -> KwFile.read(foreign));
        assertTrue(e.getMessage().contains("magic") && !e.getMessage().contains("\n"), e.getMessage());
    }
}
