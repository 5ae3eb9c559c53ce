package kernelwise.models.attach;

import kernelwise.models.compress.KernelProjection;
import kernelwise.models.compress.NetworkSpecs;
import kernelwise.models.compress.QuantizedCopy;
import kernelwise.models.export.KwFile;
import kernelwise.models.plan.CompressionPlan;
import kernelwise.models.plan.LayerInfo;
import kernelwise.models.plan.LayerKind;
import kernelwise.models.plan.LayerPlan;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipFile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlanAttachmentTest {

    @TempDir
    Path dir;

    @Test
    void givenAMixedPlanAttachedToAnMlp_whenItsOwnFitRuns300Steps_thenEveryWeightIsInThePlanAndTheKwFileComputesTheSame() throws IOException {
        MultiLayerNetwork net = Nets.mlp(1);
        DataSet train = Nets.images(1600, 1), test = Nets.images(500, 2);
        CompressionPlan plan = Nets.mixed(NetworkSpecs.of(net), 3);
        PlanAttachment a = PlanAttachment.attach(net, plan, train);
        double before = Nets.accuracy(net, test);

        net.fit(Nets.batches(train, 32), 6);

        assertEquals(300, net.getIterationCount());
        assertTrue(Nets.accuracy(net, test) > before + 0.2, "learns the signal: " + before + " -> " + Nets.accuracy(net, test));
        assertInPlan(a);
        assertKwComputesTheSame(a, test);
        assertPrunedUpdaterStateIsZero(net, a);
    }

    @Test
    void givenANetworkTrainedWithAdam_whenAPlanIsAttached_thenItsUpdaterStateStartsAfreshAndItsIterationCountStays() {
        MultiLayerNetwork net = Nets.mlp(7);
        DataSet train = Nets.images(640, 7);
        net.fit(Nets.batches(train, 32), 2);
        assertTrue(net.getUpdater().getStateViewArray().amaxNumber().doubleValue() > 0, "Adam has moments after training");
        int iterations = net.getIterationCount();

        PlanAttachment.attach(net, Nets.mixed(NetworkSpecs.of(net), 7), train);

        assertEquals(0.0, net.getUpdater().getStateViewArray().amaxNumber().doubleValue(), "moments of the float network are dropped");
        assertEquals(iterations, net.getIterationCount());
    }

    @Test
    void givenAMixedPlanAttachedToAConvNet_whenItsOwnFitRuns300Steps_thenEveryWeightIsInThePlanAndTheKwFileComputesTheSame() throws IOException {
        MultiLayerNetwork net = Nets.conv(4);
        DataSet train = Nets.images(1600, 4), test = Nets.images(500, 5);
        PlanAttachment a = PlanAttachment.attach(net, Nets.mixed(NetworkSpecs.of(net), 6), Nets.batches(train, 100));
        double before = Nets.accuracy(net, test);

        net.fit(Nets.batches(train, 32), 6);

        assertEquals(300, net.getIterationCount());
        assertTrue(Nets.accuracy(net, test) > before + 0.05, "learns the signal: " + before + " -> " + Nets.accuracy(net, test));
        assertInPlan(a);
        assertKwComputesTheSame(a, test);
    }

    @Test
    void givenAPlanAttachedToAComputationGraph_whenItsOwnFitRuns_thenItMeetsThePlanAndTheKwFileComputesTheSame() throws IOException {
        ComputationGraph net = Nets.graph(7);
        DataSet train = Nets.images(640, 7), test = Nets.images(200, 8);
        PlanAttachment a = PlanAttachment.attach(net, Nets.mixed(NetworkSpecs.of(net), 9), train);

        net.fit(Nets.batches(train, 32), 5);

        assertInPlan(a);
        assertKwComputesTheSame(a, test);
    }

    @Test
    void givenAnAttachedNetwork_whenEvaluated_thenItRunsThePlanNotTheLatentFloatWeights() {
        MultiLayerNetwork net = Nets.mlp(11);
        DataSet data = Nets.images(200, 11);
        PlanAttachment a = PlanAttachment.attach(net, CompressionPlan.uniform(NetworkSpecs.of(net), 2, 32, 0.5));
        INDArray attached = net.output(data.getFeatures());

        a.detach();

        INDArray latent = net.output(data.getFeatures());
        assertTrue(attached.sub(latent).amaxNumber().doubleValue() > 1e-3, "2-bit weights change the output");
    }

    /** Every pruned weight and removed bias is zero; every kept weight's quantized value lies on its kernel's grid. */
    static void assertInPlan(PlanAttachment a) {
        for (LayerHook h : a.hooks()) {
            LayerInfo info = h.info();
            LayerPlan plan = a.plan().layer(info.index());
            INDArray latent = h.layer().getParam("W");
            INDArray mask = h.mask();
            INDArray kernels = kernels(latent, info);
            assertEquals(0.0, kernels.mul(mask.rsub(1)).amaxNumber().doubleValue(), "layer " + info.name() + ": pruned weights are zero");
            INDArray q = kernels(h.weights(latent), info);
            INDArray scales = KernelProjection.project(q, mask, plan).scales();
            for (int k = 0; k < info.kernels(); k++) {
                int kept = plan.keptWeights(k, info.fanIn());
                assertEquals(kept, mask.getRow(k).sumNumber().intValue(), "layer " + info.name() + " kernel " + k + " keeps the plan's count");
                if (kept == 0 && h.layer().paramTable().containsKey("b")) {
                    assertEquals(0.0, Math.abs(h.layer().getParam("b").reshape(-1).getDouble(k)), "layer " + info.name() + " kernel " + k + ": removed, bias zero");
                }
                assertOnGrid(q.getRow(k).toFloatVector(), mask.getRow(k).toFloatVector(), kernels.getRow(k).toFloatVector(), plan.weightBits(k),
                        scales.getFloat(k), KernelProjection.midRise(plan.weightBits(k), kept, info.fanIn()), info.name() + " kernel " + k);
            }
        }
    }

    private static void assertOnGrid(float[] q, float[] mask, float[] latent, int bits, float s, boolean midRise, String where) {
        for (int j = 0; j < q.length; j++) {
            if (mask[j] == 0) {
                assertEquals(0f, q[j], where + ": pruned weight quantizes to zero");
            } else if (bits == CompressionPlan.FLOAT_BITS) {
                assertEquals(latent[j], q[j], where + ": float kernel unchanged");
            } else if (bits == 1) {
                assertEquals(latent[j] >= 0 ? s : -s, q[j], 1e-7, where + ": 1-bit weight is +-scale");
            } else {
                double t = q[j] / s - (midRise ? 0.5 : 0);
                int top = midRise ? (1 << (bits - 1)) - 1 : (1 << (bits - 1)) - 1;
                int bottom = midRise ? -(1 << (bits - 1)) : -top;
                assertEquals(Math.rint(t), t, 1e-3, where + ": weight " + q[j] + " on the grid of step " + s);
                assertTrue(Math.rint(t) >= bottom && Math.rint(t) <= top, where + ": level " + t + " within " + bits + " bits");
            }
        }
    }

    /** The attached network's forward pass equals the packed file's, read back and run by DL4J with its stored ranges. */
    private void assertKwComputesTheSame(PlanAttachment a, DataSet test) throws IOException {
        Path kw = dir.resolve("net.kw");
        a.writeKw(kw);
        KwFile.Packed packed = KwFile.read(kw);
        assertEquals(a.plan().layers().stream().map(LayerPlan::activationBits).toList(), packed.plan().layers().stream().map(LayerPlan::activationBits).toList());
        QuantizedCopy copy = QuantizedCopy.of(packed.network());
        copy.setActivationQuant(packed.ranges().quants(packed.plan()));
        INDArray expected = copy.output(test.getFeatures());
        INDArray actual = output(a.network(), test.getFeatures());
        assertEquals(0.0, actual.sub(expected).amaxNumber().doubleValue(), 1e-5, "attached forward pass equals the .kw file's");
    }

    /** Adam's m and v at every pruned weight are zero after training, while the kept weights' are not. */
    private static void assertPrunedUpdaterStateIsZero(MultiLayerNetwork net, PlanAttachment a) {
        INDArray state = net.getUpdater().getStateViewArray().reshape(-1);
        long n = net.numParams();
        assertEquals(2 * n, state.length(), "one Adam block over all parameters");
        long offset = 0;
        int pruned = 0, keptMoving = 0;
        for (Map.Entry<String, INDArray> e : net.paramTable().entrySet()) {
            INDArray p = e.getValue().reshape(e.getValue().ordering(), new long[]{e.getValue().length()});
            for (int i = 0; i < p.length(); i++) {
                boolean zero = p.getDouble(i) == 0.0 && e.getKey().endsWith("W");
                double m = state.getDouble(offset + i), v = state.getDouble(n + offset + i);
                if (zero) {
                    pruned++;
                    assertEquals(0.0, Math.abs(m), e.getKey() + "[" + i + "]: pruned weight's first moment");
                    assertEquals(0.0, Math.abs(v), e.getKey() + "[" + i + "]: pruned weight's second moment");
                } else if (v != 0) {
                    keptMoving++;
                }
            }
            offset += p.length();
        }
        assertTrue(pruned > 100 && keptMoving > 100, "pruned " + pruned + ", kept with state " + keptMoving);
    }

    @Test
    void givenAnAttachedNetwork_whenSavedEitherWay_thenTheZipNamesNoKernelwiseClassAndRestoresInPlainDl4j() throws IOException {
        MultiLayerNetwork net = Nets.conv(12);
        DataSet train = Nets.images(256, 12);
        PlanAttachment a = PlanAttachment.attach(net, Nets.mixed(NetworkSpecs.of(net), 12), train);
        net.fit(Nets.batches(train, 32), 1);
        Path viaAttachment = dir.resolve("a.zip"), raw = dir.resolve("raw.zip");

        a.save(viaAttachment);
        ModelSerializer.writeModel(net, raw.toFile(), true);

        for (Path zip : new Path[]{viaAttachment, raw}) {
            String json = configuration(zip);
            assertFalse(json.contains("kernelwise"), zip + " configuration names a Kernelwise class");
            MultiLayerNetwork restored = ModelSerializer.restoreMultiLayerNetwork(zip.toFile(), true);
            assertEquals(net.params(), restored.params(), "the latent float weights");
            assertEquals(net.getUpdater().getStateViewArray(), restored.getUpdater().getStateViewArray(), "the updater state");
            restored.fit(Nets.batches(train, 32), 1);
        }
        assertTrue(a.attached(), "saving leaves the plan attached");
        assertInPlan(a);
    }

    @Test
    void givenAZipSavedWhileAttached_whenLoadedByAJvmWithoutKernelwiseOnItsClassPath_thenPlainDl4jRestoresTheLatentWeights() throws Exception {
        MultiLayerNetwork net = Nets.conv(14);
        DataSet train = Nets.images(256, 14);
        PlanAttachment a = PlanAttachment.attach(net, Nets.mixed(NetworkSpecs.of(net), 14), train);
        net.fit(Nets.batches(train, 32), 1);
        Path zip = dir.resolve("attached.zip");
        a.save(zip);
        Path loader = dir.resolve("Load.java");
        java.nio.file.Files.writeString(loader, """
                public class Load {
                    public static void main(String[] args) throws Exception {
                        try {
                            Class.forName("kernelwise.models.attach.PlanAttachment");
                            System.out.println("kernelwise is on the class path");
                            System.exit(2);
                        } catch (ClassNotFoundException expected) {
                        }
                        var net = org.deeplearning4j.util.ModelSerializer.restoreMultiLayerNetwork(new java.io.File(args[0]), true);
                        System.out.println("params " + net.numParams() + " sum " + net.params().sumNumber().doubleValue());
                    }
                }
                """);
        String classPath = java.util.Arrays.stream(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"))
                        .split(java.io.File.pathSeparator))
                .filter(e -> !e.contains("kernelwise") && !e.endsWith("classes") && !e.endsWith("classes/"))
                .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
        String java = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder(java, "-cp", classPath, loader.toString(), zip.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        String expected = "params " + net.numParams() + " sum " + net.params().sumNumber().doubleValue();
        assertTrue(out.lines().anyMatch(expected::equals), "expected '" + expected + "' from the plain DL4J process: " + out);
    }

    @Test
    void givenAnAttachedNetwork_whenCloned_thenTheCopyIsAPlainNetworkWithTheLatentWeights() {
        MultiLayerNetwork net = Nets.mlp(13);
        DataSet data = Nets.images(128, 13);
        PlanAttachment a = PlanAttachment.attach(net, Nets.mixed(NetworkSpecs.of(net), 13), data);

        MultiLayerNetwork copy = net.clone();
        a.detach();

        assertFalse(copy.getLayerWiseConfigurations().toJson().contains("kernelwise"));
        assertEquals(net.output(data.getFeatures()), copy.output(data.getFeatures()), "the copy computes as the detached network");
        copy.fit(Nets.batches(data, 32), 1);
    }

    static String configuration(Path zip) throws IOException {
        try (ZipFile z = new ZipFile(zip.toFile())) {
            return new String(z.getInputStream(z.getEntry("configuration.json")).readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static INDArray output(Model net, INDArray x) {
        return net instanceof MultiLayerNetwork m ? m.output(x, false) : ((ComputationGraph) net).outputSingle(false, x);
    }

    static INDArray kernels(INDArray w, LayerInfo info) {
        return info.kind() == LayerKind.CONV ? w.reshape('c', info.kernels(), info.fanIn()) : w.transpose();
    }
}
