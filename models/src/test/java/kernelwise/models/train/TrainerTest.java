package kernelwise.models.train;

import kernelwise.models.compress.TestData;
import kernelwise.models.data.DataSplits;
import kernelwise.models.data.Datasets;
import kernelwise.models.zoo.ModelZoo;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.DataSet;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrainerTest {
    static DataSplits mnist;

    @BeforeAll
    static void load() {
        mnist = TestData.mnist();
    }

    @Test
    @Tag("slow")
    void givenLenet5AndFiveThousandMnistImages_whenTrainedOneEpoch_thenTestAccuracyFarAboveChance() {
        Model net = ModelZoo.create("lenet5", 1);
        List<Integer> batches = new ArrayList<>();
        TrainListener counter = new TrainListener() {
            @Override
            public void onBatch(int epoch, int batch, double loss) {
                batches.add(batch);
            }
        };
        TrainResult r = Trainer.train(net, Datasets.first(mnist.train(), 5_000), Datasets.first(mnist.validation(), 1_000),
                Datasets.first(mnist.test(), 2_000), new TrainConfig(1, 64, 1e-3, 1, 1), counter);
        assertTrue(r.testAccuracy() > 0.85, "test accuracy " + r.testAccuracy());
        assertTrue(r.validationAccuracy() > 0.85, "validation accuracy " + r.validationAccuracy());
        assertEquals(79, batches.size());
        assertEquals(1, ((MultiLayerNetwork) net).getEpochCount());
    }

    @Test
    void givenSameSeed_whenLenet300TrainedTwice_thenIdenticalParameters() {
        DataSet small = Datasets.first(mnist.train(), 1_000);
        TrainConfig cfg = new TrainConfig(2, 50, 1e-3, 0.5, 11);
        Model a = ModelZoo.create("lenet300", cfg.seed());
        Model b = ModelZoo.create("lenet300", cfg.seed());
        TrainResult ra = Trainer.train(a, small, small, small, cfg, TrainListener.NONE);
        Trainer.train(b, small, small, small, cfg, TrainListener.NONE);
        assertEquals(a.params(), b.params());
        assertEquals(2, ra.epochSeconds().size());
        assertTrue(ra.testAccuracy() > 0.8, "training accuracy " + ra.testAccuracy());
    }

    @Test
    void givenNaNInputs_whenTrained_thenDivergedExceptionNamesTheEpoch() {
        DataSet small = Datasets.first(mnist.train(), 256);
        DataSet huge = new DataSet(small.getFeatures().dup().putScalar(0, 300, Float.NaN), small.getLabels());
        Model net = ModelZoo.create("lenet300", 1);
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
                () -> Trainer.train(net, huge, huge, huge, new TrainConfig(1, 64, 1e-3, 1, 1), TrainListener.NONE));
        assertTrue(e.getMessage().startsWith("training diverged: loss is"), e.getMessage());
    }
}
