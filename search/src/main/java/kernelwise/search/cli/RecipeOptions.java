package kernelwise.search.cli;

import kernelwise.search.bench.FinetuneRecipe;
import picocli.CommandLine.Option;

/**
 * The fine-tuning recipe options the {@code bench} verbs that fine-tune every plan the same way share ({@code @Mixin}):
 * epochs, retraining epochs, training images, learning rate and batch; the method is the verb's own.
 */
final class RecipeOptions {

    @Option(names = "--epochs", paramLabel = "N", defaultValue = "2", description = "epochs of the method's own phase (default: ${DEFAULT-VALUE})")
    int epochs;

    @Option(names = "--retrain-epochs", paramLabel = "N", defaultValue = "1", description = "masked retraining epochs after it (default: ${DEFAULT-VALUE})")
    int retrainEpochs;

    @Option(names = "--train-images", paramLabel = "N", defaultValue = "8000", description = "training images of the fine-tuning (default: ${DEFAULT-VALUE})")
    int trainImages;

    @Option(names = "--lr", paramLabel = "X", defaultValue = "0.001", description = "Adam learning rate of the fine-tuning (default: ${DEFAULT-VALUE})")
    double lr;

    @Option(names = "--batch", paramLabel = "B", defaultValue = "64", description = "minibatch size of the fine-tuning (default: ${DEFAULT-VALUE})")
    int batch;

    /** The recipe of {@code method} with these options and the batch order's {@code seed}; a bad value is a usage error (exit 2). */
    FinetuneRecipe recipe(String method, long seed) {
        try {
            return new FinetuneRecipe(method, epochs, retrainEpochs, trainImages, lr, batch, seed);
        } catch (IllegalArgumentException e) {
            throw CliException.usage(e.getMessage());
        }
    }
}
