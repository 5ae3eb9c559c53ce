package kernelwise.search.cli;

/**
 * One row of the {@code bench finetune} table.
 *
 * @param plan              plan name
 * @param method            method name
 * @param epochs            epochs trained in total
 * @param projectedAccuracy test accuracy right after the hard projection, before retraining
 * @param finalAccuracy     test accuracy after retraining
 * @param keptWeights       weights kept by the plan
 * @param payloadBytes      the plan's packed weight payload by {@code KernelStorage} (no header, no biases)
 * @param fileBytes         size of the written packed file
 * @param ratio             4 bytes per float parameter over {@code fileBytes}
 * @param seconds           wall time of the method
 */
record BenchFinetuneRow(String plan, String method, int epochs, double projectedAccuracy, double finalAccuracy,
                        long keptWeights, long payloadBytes, long fileBytes, double ratio, double seconds) {
}
