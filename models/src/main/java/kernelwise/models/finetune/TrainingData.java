package kernelwise.models.finetune;

import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

/**
 * The data a method trains on.
 *
 * @param train      minibatches of the training split (reset before every epoch)
 * @param validation a held-out split for decisions made during training (sensitivity analysis, probes)
 */
public record TrainingData(DataSetIterator train, DataSet validation) {

    public TrainingData {
        if (train == null) throw new IllegalArgumentException("train iterator must not be null");
        if (validation == null || validation.numExamples() == 0) throw new IllegalArgumentException("validation split must not be empty");
    }
}
