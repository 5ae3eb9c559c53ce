package kernelwise.models.finetune;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DistillationTest {

    @Test
    void givenATeacher_whenABatchIsPreprocessed_thenLabelsMixTheOneHotWithTheSoftenedTeacherAndSumToOne() {
        MultiLayerNetwork teacher = Tiny.convNet(2);
        DataSet batch = Tiny.images(8, 2);
        float hard = batch.getLabels().getFloat(0, batch.getLabels().getRow(0).argMax().getInt(0));
        new Distillation(teacher, 0.3, 2.0).preProcess(batch);
        assertEquals(1.0, batch.getLabels().sum(1).minNumber().doubleValue(), 1e-5);
        assertEquals(1.0, batch.getLabels().sum(1).maxNumber().doubleValue(), 1e-5);
        assertTrue(batch.getLabels().maxNumber().doubleValue() < hard, "no label stays one-hot");
        assertTrue(batch.getLabels().maxNumber().doubleValue() >= 0.7, "the true class keeps at least 1 - alpha");
    }

    @Test
    void givenATemperature_whenSoftened_thenHigherTemperatureFlattens() {
        var p = Nd4j.createFromArray(new float[][]{{0.9f, 0.09f, 0.01f}});
        double t1 = new Distillation(Tiny.convNet(1), 0.5, 1).soft(p.dup()).getDouble(0, 0);
        double t4 = new Distillation(Tiny.convNet(1), 0.5, 4).soft(p.dup()).getDouble(0, 0);
        assertEquals(0.9, t1, 1e-5);
        assertTrue(t4 < 0.6, "softened: " + t4);
        assertThrows(IllegalArgumentException.class, () -> new Distillation(Tiny.convNet(1), 1.5, 1));
    }
}
