package kernelwise.models.finetune;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DistillationLossTest {

    @Test
    void givenTeacherProbabilities_whenLabelsBuilt_thenHardHalfIsOneHotAndHigherTemperatureFlattens() {
        INDArray hard = Nd4j.createFromArray(new double[][]{{1, 0, 0}});
        INDArray p = Nd4j.createFromArray(new double[][]{{0.9, 0.09, 0.01}});
        INDArray t1 = DistillationLoss.labels(hard, p, 1);
        INDArray t4 = DistillationLoss.labels(hard, p, 4);
        assertEquals(hard, t4.get(NDArrayIndex.all(), NDArrayIndex.interval(0, 3)));
        assertEquals(0.9, t1.getDouble(0, 3), 1e-6);
        assertEquals(1.0, t4.get(NDArrayIndex.all(), NDArrayIndex.interval(3, 6)).sumNumber().doubleValue(), 1e-6);
        assertTrue(t4.getDouble(0, 3) < 0.6, "softened: " + t4.getDouble(0, 3));
        assertThrows(IllegalArgumentException.class, () -> new DistillationLoss(4, 1.5));
        assertThrows(IllegalArgumentException.class, () -> new DistillationLoss(0, 0.5));
    }

    @Test
    void givenLogits_whenGradientComputed_thenItMatchesTheScoresFiniteDifferences() {
        Nd4j.getRandom().setSeed(3);
        INDArray z = Nd4j.randn(DataType.DOUBLE, 4, 3);
        INDArray hard = Nd4j.createFromArray(new double[][]{{1, 0, 0}, {0, 1, 0}, {0, 0, 1}, {1, 0, 0}});
        INDArray labels = DistillationLoss.labels(hard, org.nd4j.linalg.ops.transforms.Transforms.softmax(Nd4j.randn(DataType.DOUBLE, 4, 3), false), 3);
        DistillationLoss loss = new DistillationLoss(3, 0.3);
        INDArray g = loss.computeGradient(labels, z, new ActivationSoftmax(), null);
        double eps = 1e-6;
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 3; j++) {
                INDArray up = z.dup(), down = z.dup();
                up.putScalar(i, j, z.getDouble(i, j) + eps);
                down.putScalar(i, j, z.getDouble(i, j) - eps);
                double numeric = (loss.computeScore(labels, up, new ActivationSoftmax(), null, false)
                        - loss.computeScore(labels, down, new ActivationSoftmax(), null, false)) / (2 * eps);
                assertEquals(numeric, g.getDouble(i, j), 1e-5, "d loss / d z[" + i + "," + j + "]");
            }
        }
    }

    @Test
    void givenOnlyHardLabels_whenScored_thenItIsTheCrossEntropy() {
        INDArray z = Nd4j.createFromArray(new double[][]{{2, -1, 0.5}, {0, 1, 3}});
        INDArray y = Nd4j.createFromArray(new double[][]{{1, 0, 0}, {0, 0, 1}});
        double expected = new LossMCXENT().computeScore(y, z.dup(), new ActivationSoftmax(), null, true);
        assertEquals(expected, new DistillationLoss(4, 0.2).computeScore(y, z, new ActivationSoftmax(), null, true), 1e-6);
    }

    @Test
    void givenATeacher_whenTrainingUnderIt_thenTheStudentLearnsFromSoftTargetsAndItsLossIsRestored() {
        MultiLayerNetwork teacher = Tiny.convNet(1), student = Tiny.convNet(2);
        DataSet data = Tiny.images(64, 5);
        DataSetIterator batches = Tiny.batches(data, 16);
        ILossFunction before = DistillationLoss.outputConf(student).getLossFn();
        double loss = new DistillationLoss(4, 0.5).teaching(student, teacher, batches, () -> {
            assertTrue(DistillationLoss.outputConf(student).getLossFn() instanceof DistillationLoss);
            DataSet batch = batches.next();
            assertEquals(2 * Tiny.CLASSES, batch.getLabels().size(1), "labels carry hard and soft targets");
            student.fit(batch);
            return student.score();
        });
        assertTrue(Double.isFinite(loss) && loss > 0, "distillation loss " + loss);
        assertSame(before, DistillationLoss.outputConf(student).getLossFn(), "the student's own loss is back");
        assertEquals(null, batches.getPreProcessor());
    }
}
