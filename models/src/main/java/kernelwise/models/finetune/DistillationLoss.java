package kernelwise.models.finetune;

import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Knowledge distillation for a softmax output layer: {@code a * CE(y, softmax(z)) + (1 - a) * T^2 * CE(p_T, softmax(z / T))},
 * where {@code z} are the student's logits and {@code p_T} the teacher's probabilities at temperature {@code T}.
 * The labels carry both targets side by side: {@code [N, 2C]} = hard one-hot | teacher soft targets at {@code T}
 * ({@link #labels}). Gradient: {@code a (softmax(z) - y) + (1 - a) T (softmax(z/T) - p_T)}.
 * Used only inside training; never serialized with a model.
 */
public final class DistillationLoss implements ILossFunction {

    private final double temperature;
    private final double hardWeight;

    public DistillationLoss(double temperature, double hardWeight) {
        this.temperature = temperature;
        this.hardWeight = hardWeight;
    }

    /** The combined labels: hard one-hot and the teacher's probabilities sharpened/softened to temperature T. */
    public static INDArray labels(INDArray hard, INDArray teacherProbabilities, double temperature) {
        INDArray logp = Transforms.log(Transforms.max(teacherProbabilities, 1e-30, true), false).divi(temperature);
        INDArray soft = Transforms.softmax(logp, false);
        return org.nd4j.linalg.factory.Nd4j.hstack(hard, soft);
    }

    private INDArray[] split(INDArray labels) {
        long c = labels.size(1) / 2;
        return new INDArray[]{labels.get(org.nd4j.linalg.indexing.NDArrayIndex.all(), org.nd4j.linalg.indexing.NDArrayIndex.interval(0, c)),
                labels.get(org.nd4j.linalg.indexing.NDArrayIndex.all(), org.nd4j.linalg.indexing.NDArrayIndex.interval(c, 2 * c))};
    }

    @Override
    public INDArray computeScoreArray(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
        INDArray[] y = split(labels);
        INDArray logP = Transforms.log(Transforms.max(Transforms.softmax(preOutput, true), 1e-30, false), false);
        INDArray logPT = Transforms.log(Transforms.max(Transforms.softmax(preOutput.div(temperature), false), 1e-30, false), false);
        INDArray hard = logP.mul(y[0]).sum(1).negi().muli(hardWeight);
        INDArray soft = logPT.mul(y[1]).sum(1).negi().muli((1 - hardWeight) * temperature * temperature);
        return hard.addi(soft).reshape(labels.size(0), 1);
    }

    @Override
    public double computeScore(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask, boolean average) {
        double sum = computeScoreArray(labels, preOutput, activationFn, mask).sumNumber().doubleValue();
        return average ? sum / labels.size(0) : sum;
    }

    @Override
    public INDArray computeGradient(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
        INDArray[] y = split(labels);
        INDArray hard = Transforms.softmax(preOutput, true).subi(y[0]).muli(hardWeight);
        INDArray soft = Transforms.softmax(preOutput.div(temperature), false).subi(y[1]).muli((1 - hardWeight) * temperature);
        return hard.addi(soft);
    }

    @Override
    public Pair<Double, INDArray> computeGradientAndScore(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask, boolean average) {
        return new Pair<>(computeScore(labels, preOutput, activationFn, mask, average), computeGradient(labels, preOutput, activationFn, mask));
    }

    @Override
    public String name() {
        return "distillation(T=" + temperature + ", hard=" + hardWeight + ")";
    }
}
