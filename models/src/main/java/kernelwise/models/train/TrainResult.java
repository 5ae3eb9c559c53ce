package kernelwise.models.train;

import java.util.List;

/**
 * What a training run achieved.
 *
 * @param testAccuracy       accuracy on the test split, in [0, 1]
 * @param validationAccuracy accuracy on the validation split, in [0, 1]
 * @param trainSeconds       wall time of all epochs (evaluation excluded)
 * @param epochSeconds       wall time of each epoch
 * @param finalLoss          loss of the last minibatch
 */
public record TrainResult(double testAccuracy, double validationAccuracy, double trainSeconds,
                          List<Double> epochSeconds, double finalLoss) {
    public TrainResult {
        epochSeconds = List.copyOf(epochSeconds);
    }
}
