package kernelwise.models.finetune;

import kernelwise.models.Networks;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.layers.BaseOutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.DataSetPreProcessor;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.util.function.Supplier;

/**
 * Knowledge distillation (Hinton et al.) for a softmax output layer:
 * {@code a * CE(y, softmax(z)) + (1 - a) * T^2 * CE(p_T, softmax(z / T))}, where {@code z} are the student's
 * logits and {@code p_T} the teacher's probabilities at temperature {@code T}. The labels carry both targets side
 * by side: {@code [N, 2C]} = hard one-hot | teacher soft targets at {@code T} ({@link #labels}, {@link #targets});
 * labels of width {@code C} (e.g. a validation split) are scored by the hard term alone, at full weight.
 * Gradient: {@code a (softmax(z) - y) + (1 - a) T (softmax(z/T) - p_T)}.
 * Used only inside training ({@link #teaching}); never serialized with a model.
 */
public final class DistillationLoss implements ILossFunction {

    private final double temperature;
    private final double hardWeight;

    /**
     * @param temperature softening temperature, positive (1 = the teacher's own probabilities)
     * @param hardWeight  weight {@code a} of the hard-label loss, in [0, 1]; the soft loss gets {@code 1 - a}
     */
    public DistillationLoss(double temperature, double hardWeight) {
        if (!(temperature > 0)) throw new IllegalArgumentException("temperature must be positive, found " + temperature);
        if (!(hardWeight >= 0 && hardWeight <= 1)) throw new IllegalArgumentException("hardWeight must be in [0, 1], found " + hardWeight);
        this.temperature = temperature;
        this.hardWeight = hardWeight;
    }

    /**
     * Runs {@code training} with {@code student} learning from {@code teacher}: the student's output layer gets
     * this loss and {@code batches} the teacher's soft targets ({@link #targets}); both are restored afterwards,
     * so the student can be saved as usual.
     */
    public <T> T teaching(Model student, Model teacher, DataSetIterator batches, Supplier<T> training) {
        org.deeplearning4j.nn.conf.layers.BaseOutputLayer conf = outputConf(student);
        ILossFunction previous = conf.getLossFn();
        DataSetPreProcessor previousPre = batches.getPreProcessor();
        conf.setLossFn(this);
        batches.setPreProcessor(targets(teacher, temperature));
        try {
            return training.get();
        } finally {
            conf.setLossFn(previous);
            batches.setPreProcessor(previousPre);
        }
    }

    /** A minibatch preprocessor putting the teacher's soft targets at {@code temperature} beside the one-hot labels. */
    public static DataSetPreProcessor targets(Model teacher, double temperature) {
        return batch -> batch.setLabels(labels(batch.getLabels(), Networks.output(teacher, batch.getFeatures()), temperature));
    }

    /** The combined labels: hard one-hot and the teacher's probabilities softened to temperature T. */
    public static INDArray labels(INDArray hard, INDArray teacherProbabilities, double temperature) {
        INDArray logp = Transforms.log(Transforms.max(teacherProbabilities, 1e-30, true), false).divi(temperature);
        return Nd4j.hstack(hard, Transforms.softmax(logp, false));
    }

    /** The output layer configuration of a network with one output (its loss is read there at every step). */
    static org.deeplearning4j.nn.conf.layers.BaseOutputLayer outputConf(Model net) {
        org.deeplearning4j.nn.api.Layer out = net instanceof MultiLayerNetwork m ? m.getOutputLayer() : ((ComputationGraph) net).getOutputLayer(0);
        return ((BaseOutputLayer<?>) out).layerConf();
    }

    private static boolean hardOnly(INDArray labels, INDArray preOutput) {
        return labels.size(1) == preOutput.size(1);
    }

    private static INDArray part(INDArray labels, int which) {
        long c = labels.size(1) / 2;
        return labels.get(NDArrayIndex.all(), NDArrayIndex.interval(which * c, (which + 1) * c));
    }

    @Override
    public INDArray computeScoreArray(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
        boolean hardOnly = hardOnly(labels, preOutput);
        INDArray logP = Transforms.log(Transforms.max(Transforms.softmax(preOutput, true), 1e-30, false), false);
        INDArray hard = logP.muli(hardOnly ? labels : part(labels, 0)).sum(1).negi();
        if (hardOnly) return hard.reshape(labels.size(0), 1);
        INDArray logPT = Transforms.log(Transforms.max(Transforms.softmax(preOutput.div(temperature), false), 1e-30, false), false);
        INDArray soft = logPT.muli(part(labels, 1)).sum(1).negi().muli((1 - hardWeight) * temperature * temperature);
        return hard.muli(hardWeight).addi(soft).reshape(labels.size(0), 1);
    }

    @Override
    public double computeScore(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask, boolean average) {
        double sum = computeScoreArray(labels, preOutput, activationFn, mask).sumNumber().doubleValue();
        return average ? sum / labels.size(0) : sum;
    }

    @Override
    public INDArray computeGradient(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
        if (hardOnly(labels, preOutput)) return Transforms.softmax(preOutput, true).subi(labels);
        INDArray hard = Transforms.softmax(preOutput, true).subi(part(labels, 0)).muli(hardWeight);
        INDArray soft = Transforms.softmax(preOutput.div(temperature), false).subi(part(labels, 1)).muli((1 - hardWeight) * temperature);
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
