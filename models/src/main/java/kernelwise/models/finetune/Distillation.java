package kernelwise.models.finetune;

import org.deeplearning4j.nn.api.Model;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.DataSet;
import org.nd4j.linalg.dataset.api.DataSetPreProcessor;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Distillation as a minibatch preprocessor: each batch's one-hot labels become
 * {@code (1 - alpha) y + alpha softmax(log p_teacher / T)}, the teacher's class probabilities softened by the
 * temperature T. With the student's softmax cross-entropy this adds {@code alpha CE(student, teacher_T)} to
 * {@code (1 - alpha) CE(student, y)}; the temperature is applied to the teacher only (the student's loss stays at
 * T = 1, so no T^2 rescaling is needed). Works with every method, since they all train through minibatches.
 */
public final class Distillation implements DataSetPreProcessor {

    private final Model teacher;
    private final double alpha;
    private final double temperature;

    /**
     * @param teacher     the float network, not modified
     * @param alpha       weight of the teacher's soft labels, in (0, 1]
     * @param temperature softening temperature, positive (1 = the teacher's own probabilities)
     */
    public Distillation(Model teacher, double alpha, double temperature) {
        if (!(alpha > 0 && alpha <= 1)) throw new IllegalArgumentException("alpha must be in (0,1], found " + alpha);
        if (!(temperature > 0)) throw new IllegalArgumentException("temperature must be positive, found " + temperature);
        this.teacher = teacher;
        this.alpha = alpha;
        this.temperature = temperature;
    }

    @Override
    public void preProcess(DataSet batch) {
        batch.setLabels(mix(batch.getLabels(), soft(Networks.output(teacher, batch.getFeatures()))));
    }

    /** The teacher's probabilities softened: {@code p^(1/T)} normalised per row. */
    INDArray soft(INDArray probabilities) {
        INDArray p = Transforms.pow(Transforms.max(probabilities, 1e-12, true), 1.0 / temperature, false);
        return p.diviColumnVector(p.sum(1).reshape(p.rows(), 1));
    }

    INDArray mix(INDArray labels, INDArray soft) {
        return labels.mul(1 - alpha).addi(soft.muli(alpha));
    }
}
