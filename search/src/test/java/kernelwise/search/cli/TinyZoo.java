package kernelwise.search.cli;

import kernelwise.models.data.DataSplits;
import kernelwise.models.train.ModelStore;
import kernelwise.models.train.TrainConfig;
import kernelwise.models.train.TrainListener;
import kernelwise.models.train.Trainer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import java.io.IOException;
import java.nio.file.Path;

/** A small conv net trained on the 8x8 digits and stored as zoo model {@code tinyconv} for the bench verbs' tests. */
final class TinyZoo {
    static final String MODEL = "tinyconv";

    private TinyZoo() {
    }

    /** Trains the net for {@code epochs} on digits, stores it in {@code results}/models and returns it. */
    static MultiLayerNetwork storeConv(Path results, int epochs) throws IOException {
        DataSplits digits = CliData.load("digits");
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(1).updater(new Adam(5e-3)).list()
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(8).activation(Activation.RELU).name("conv1").build())
                .layer(new DenseLayer.Builder().nOut(32).activation(Activation.RELU).name("fc1").build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(10).activation(Activation.SOFTMAX).name("out").build())
                .setInputType(InputType.convolutionalFlat(8, 8, 1)).build());
        net.init();
        TrainConfig cfg = new TrainConfig(epochs, 32, 5e-3, 1, 1);
        ModelStore.inResults(results).save(net, MODEL, digits, cfg, Trainer.train(net, digits, cfg, TrainListener.NONE));
        return net;
    }
}
