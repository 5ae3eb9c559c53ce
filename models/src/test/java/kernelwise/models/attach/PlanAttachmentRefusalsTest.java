package kernelwise.models.attach;

import kernelwise.models.compress.NetworkSpecs;
import kernelwise.models.plan.CompressionPlan;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DepthwiseConvolution2D;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.weightnoise.DropConnect;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlanAttachmentRefusalsTest {

    @TempDir
    Path dir;

    @Test
    void givenAPlanForAnotherNetwork_whenAttached_thenOneLineNamesTheLayerAndTheNetworkIsUnchanged() {
        ComputationGraph graph = Nets.graph(1);
        CompressionPlan forMlp = CompressionPlan.uniform(NetworkSpecs.of(Nets.mlp(1)), 4, 32, 0.5);

        String message = refused(graph, () -> PlanAttachment.attach(graph, forMlp), IllegalArgumentException.class);

        assertTrue(message.contains("does not fit") && message.contains("'hidden'"), message);
    }

    @Test
    void givenAnAttachedNetwork_whenAttachedAgain_thenRefusedAndTheFirstAttachmentStillHolds() {
        MultiLayerNetwork net = Nets.mlp(2);
        CompressionPlan plan = CompressionPlan.uniform(NetworkSpecs.of(net), 4, 32, 0.5);
        PlanAttachment first = PlanAttachment.attach(net, plan);

        String message = refused(net, () -> PlanAttachment.attach(net, plan), IllegalStateException.class);

        assertTrue(message.contains("layer '0'") && message.contains("already attached") && message.contains("detach"), message);
        assertTrue(first.attached());
        net.fit(Nets.batches(Nets.images(64, 2), 32), 1);
        PlanAttachmentTest.assertInPlan(first);
    }

    @Test
    void givenALayerKindAPlanCannotHold_whenAttached_thenOneLineNamesTheLayerAndTheNetworkIsUnchanged() {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().seed(3).dataType(DataType.FLOAT).list()
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(4).activation(Activation.RELU).build())
                .layer(new DepthwiseConvolution2D.Builder(3, 3).name("depthwise").depthMultiplier(1).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(3).activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutionalFlat(Nets.SIDE, Nets.SIDE, 1)).build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        CompressionPlan plan = CompressionPlan.uniform(NetworkSpecs.of(net), 4, 32, 0.5);

        String message = refused(net, () -> PlanAttachment.attach(net, plan), IllegalArgumentException.class);

        assertTrue(message.contains("layer 'depthwise' (DepthwiseConvolution2D)") && message.contains("cannot hold"), message);
    }

    @Test
    void givenALayerWithItsOwnWeightNoise_whenAttached_thenOneLineNamesTheLayerAndTheNetworkIsUnchanged() {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().seed(4).dataType(DataType.FLOAT).list()
                .layer(new DenseLayer.Builder().name("noisy").nIn(8).nOut(4).weightNoise(new DropConnect(0.5)).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(3).activation(Activation.SOFTMAX).build())
                .setInputType(InputType.feedForward(8)).build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        CompressionPlan plan = CompressionPlan.uniform(NetworkSpecs.of(net), 4, 32, 0.5);

        String message = refused(net, () -> PlanAttachment.attach(net, plan), IllegalArgumentException.class);

        assertTrue(message.contains("layer 'noisy'") && message.contains("DropConnect"), message);
    }

    @Test
    void givenAPlanQuantizingActivations_whenAttachedWithoutCalibrationData_thenOneLineSaysWhichLayerNeedsIt() {
        MultiLayerNetwork net = Nets.mlp(5);
        CompressionPlan plan = CompressionPlan.uniform(NetworkSpecs.of(net), 4, 8, 0.5);

        String message = refused(net, () -> PlanAttachment.attach(net, plan), IllegalArgumentException.class);

        assertTrue(message.contains("layer '0'") && message.contains("calibration"), message);
    }

    @Test
    void givenAPlanDetachedMidWayThroughFit_whenFitGoesOn_thenTheNetworkTrainsPlainAndWriteKwIsRefused() {
        MultiLayerNetwork net = Nets.mlp(6);
        String plainJson = net.getLayerWiseConfigurations().toJson();
        DataSet data = Nets.images(320, 6);
        PlanAttachment a = PlanAttachment.attach(net, Nets.mixed(NetworkSpecs.of(net), 6), data);
        long prunedBefore = zeros(net.getParam("0_W"));
        net.addListeners(new BaseTrainingListener() {
            @Override
            public void onEpochEnd(Model model) {
                a.detach();
            }
        });

        net.fit(Nets.batches(data, 32), 2);

        assertFalse(a.attached());
        assertEquals(withoutCounters(plainJson), withoutCounters(net.getLayerWiseConfigurations().toJson()), "the configuration is the network's own again");
        assertTrue(zeros(net.getParam("0_W")) < prunedBefore, "after detaching, training moves the pruned weights");
        Path kw = dir.resolve("late.kw");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> a.writeKw(kw));
        assertTrue(e.getMessage().contains("detached") && !e.getMessage().contains("\n"), e.getMessage());
        assertFalse(Files.exists(kw));
    }

    /** Runs a refused attach; asserts a one-line message and that parameters and configuration are unchanged. */
    private static String refused(Model net, Executable attach, Class<? extends RuntimeException> type) {
        INDArray params = net.params().dup();
        String json = json(net);
        RuntimeException e = assertThrows(type, attach);
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        assertEquals(params, net.params(), "parameters unchanged");
        assertEquals(json, json(net), "configuration unchanged");
        return e.getMessage();
    }

    private static String json(Model net) {
        return net instanceof MultiLayerNetwork m ? m.getLayerWiseConfigurations().toJson() : ((ComputationGraph) net).getConfiguration().toJson();
    }

    private static String withoutCounters(String json) {
        return json.replaceAll("\"(epoch|iteration)Count\" : \\d+", "");
    }

    private static long zeros(INDArray w) {
        return w.eq(0).castTo(DataType.INT).sumNumber().longValue();
    }
}
