package kernelwise.models.compress;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.ArrayList;
import java.util.List;

/** Classification accuracy on one labelled set, split once into batches (views) and label indices. */
public final class Accuracy {

    private final List<INDArray> batches = new ArrayList<>();
    private final List<INDArray> labels = new ArrayList<>();
    private final int n;

    public Accuracy(DataSet data, int batchSize) {
        if (batchSize <= 0) throw new IllegalArgumentException("batch size must be positive, found " + batchSize);
        n = data.numExamples();
        if (n == 0) throw new IllegalArgumentException("evaluation set must not be empty");
        for (int from = 0; from < n; from += batchSize) {
            int to = Math.min(n, from + batchSize);
            batches.add(data.getFeatures().get(NDArrayIndex.interval(from, to), NDArrayIndex.all()).dup('c'));
            labels.add(data.getLabels().get(NDArrayIndex.interval(from, to), NDArrayIndex.all()).argMax(1));
        }
    }

    /** Fraction of the set {@code net} classifies correctly. */
    public double of(QuantizedNetwork net) {
        long correct = 0;
        for (int b = 0; b < batches.size(); b++) {
            INDArray predicted = net.output(batches.get(b)).argMax(1);
            correct += predicted.eq(labels.get(b)).castTo(org.nd4j.linalg.api.buffer.DataType.INT).sumNumber().longValue();
        }
        return (double) correct / n;
    }

    public int size() {
        return n;
    }
}
