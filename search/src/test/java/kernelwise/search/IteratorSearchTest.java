package kernelwise.search;

import kernelwise.models.compress.Accuracy;
import kernelwise.models.compress.FastPlanScorer;
import kernelwise.models.compress.NetworkSpecs;
import kernelwise.models.compress.QuantizedNetwork;
import kernelwise.models.data.DataSpec;
import kernelwise.models.data.DataSplits;
import kernelwise.models.data.SyntheticData;
import kernelwise.models.export.KwFile;
import kernelwise.models.finetune.FinetuneRequest;
import kernelwise.models.finetune.Finetuning;
import kernelwise.models.plan.CompressionPlan;
import kernelwise.models.train.TrainListener;
import kernelwise.models.zoo.ModelInput;
import kernelwise.models.zoo.Models;
import kernelwise.search.store.RunProgress;
import kernelwise.search.store.RunStore;
import org.deeplearning4j.datasets.iterator.impl.ListDataSetIterator;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Java route: a user's own conv net (reading [N, 3, 32, 32] arrays) trained by its own {@code fit}, and DL4J
 * iterators for the three splits; a whole search, the export of its best plan, and fine-tuning into a plan, from Java.
 */
class IteratorSearchTest {

    /** What {@code evaluate} measures for a packed file: its stored weights and activation ranges. */
    private static double packedAccuracy(Path kw, DataSplits data) throws Exception {
        KwFile.Packed packed = KwFile.read(kw);
        QuantizedNetwork net = QuantizedNetwork.of(packed.network());
        net.setActivationQuant(packed.ranges().quants(packed.plan()));
        return new Accuracy(data.test(), 100).of(net);
    }

    @TempDir
    Path dir;

    private static DataSetIterator iterator(int n, long seed) throws Exception {
        DataSet d = SyntheticData.dataSet(SyntheticData.images(n, seed));
        return new ListDataSetIterator<>(d.asList(), 32);
    }

    private static MultiLayerNetwork userNet() {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(5).updater(new Adam(2e-3)).list()
                .layer(new ConvolutionLayer.Builder(5, 5).nOut(16).stride(1, 1).activation(Activation.RELU).name("conv").build())
                .layer(new SubsamplingLayer.Builder(PoolingType.MAX).kernelSize(2, 2).stride(2, 2).name("pool").build())
                .layer(new DenseLayer.Builder().nOut(64).activation(Activation.RELU).name("fc").build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(4).activation(Activation.SOFTMAX).name("out").build())
                .setInputType(InputType.convolutional(32, 32, 3)).build());
        net.init();
        return net;
    }

    @Test
    void givenIteratorsAndARankFourConvNet_whenSearchedExportedAndFinetunedFromJava_thenThePackedNetClassifies() throws Exception {
        DataSetIterator train = iterator(400, 1), validation = iterator(100, 2), test = iterator(100, 3);
        MultiLayerNetwork net = userNet();
        net.fit(train, 3);
        Path zip = dir.resolve("user-cnn.zip");
        Models.save(net, zip);

        DataSplits splits = DataSplits.fromIterators("images", train, validation, test);
        SearchConfig config = SearchConfig.builder().run("from-iterators").model(zip.toString()).data(DataSpec.java("images"))
                .episodes(3).evalImages(100).budget("latency=0.8").build();
        CompressionPlan best;
        try (RunStore store = RunStore.open(dir.resolve("runs.db"))) {
            RunProgress p = new SearchLoop(store, dir.resolve("results"), new ZooRunFactory(splits), new SearchLoop.Listener() { })
                    .start(config);
            assertEquals(3, p.episodesDone());
            best = store.episode("from-iterators", p.bestEpisode()).plan();
            assertTrue(store.info("from-iterators").orElseThrow().provenanceJson().contains("iterator:validation"),
                    "the run's provenance holds the iterators' checksums");
        }

        ModelInput.Bound bound = ModelInput.bind(Models.load(zip), splits, zip.toString());
        DataSplits data = bound.data();
        double floatAccuracy = new Accuracy(data.test(), 100).of(QuantizedNetwork.of(bound.network()));
        assertTrue(floatAccuracy > 0.8, "the user's net learned the images: " + floatAccuracy);

        Path exported = dir.resolve("best.kw");
        KwFile.write(bound.network(), best, FastPlanScorer.calibrate(bound.network(), data.train()), Map.of("data", "java:images"), exported);
        assertEquals(new FastPlanScorer(bound.network(), data.test(), data.train()).score(best).accuracy(), packedAccuracy(exported, data), 0.02,
                "the exported best plan computes what the scorer measured");

        CompressionPlan w4 = CompressionPlan.uniform(NetworkSpecs.of(bound.network()), 4, 8, 0.5);
        // the settings this test was written with (before finetune took bench finetune's defaults): 2e-4, ranges of the tuned net
        FinetuneRequest request = FinetuneRequest.of(w4, FinetuneRequest.Method.of("qat", 1, 0))
                .withSchedule(FinetuneRequest.Schedule.defaults().withLearningRate(2e-4)).withCalibration(FinetuneRequest.Calibration.TUNED);
        Finetuning.Result tuned = Finetuning.run(bound.network(), request, data, TrainListener.NONE);
        Path kw = dir.resolve("w4.kw");
        tuned.writeKw(Map.of("data", "java:images"), kw);
        double packed = packedAccuracy(kw, data);
        assertTrue(packed > 0.8, "fine-tuned from the iterators' splits into 4 bits at 50% sparsity, read back: " + packed);
    }
}
