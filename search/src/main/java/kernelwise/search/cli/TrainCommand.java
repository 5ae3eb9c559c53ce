package kernelwise.search.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import kernelwise.models.Folders;
import kernelwise.models.data.DataSplits;
import kernelwise.models.train.ModelCard;
import kernelwise.models.train.ModelStore;
import kernelwise.models.train.TrainConfig;
import kernelwise.models.train.TrainResult;
import kernelwise.models.train.Trainer;
import kernelwise.models.zoo.ModelZoo;
import org.deeplearning4j.nn.api.Model;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code kernelwise train}: trains a zoo model on a data set and stores it in results/models. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train a zoo model from a seed and store it as results/models/<model>-<data name>.zip with a JSON card;",
                "on another data set than MNIST the network takes that set's example shape and class count.",
                "Defaults per model; LeNet-5's reach >= 99.0%% MNIST test accuracy."})
public final class TrainCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", paramLabel = "NAME", description = "zoo model: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})",
            defaultValue = ModelZoo.DEFAULT, completionCandidates = ZooNames.class)
    String model;

    @Option(names = {"--data", "--dataset"}, paramLabel = "SPEC", description = "the data: " + CliData.HELP + " (default: ${DEFAULT-VALUE})",
            defaultValue = "mnist")
    String dataset;

    @Option(names = "--epochs", paramLabel = "N", description = "epochs (default: the model's, 3 for lenet5)")
    Integer epochs;

    @Option(names = "--batch", paramLabel = "B", description = "minibatch size (default: 64)")
    Integer batch;

    @Option(names = "--lr", paramLabel = "X", description = "Adam learning rate of the first epoch, decayed per epoch (default: 0.001)")
    Double lr;

    @Option(names = "--seed", paramLabel = "S", description = "seed of initialization and batch order (default: 42)")
    Long seed;

    @Option(names = "--json", description = "print one JSON object (the stored model card) instead of a summary")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (!ModelZoo.contains(model)) {
            throw CliException.usage("unknown model '" + model + "' (known: " + String.join(", ", ModelZoo.names()) + ")");
        }
        TrainConfig cfg = config();
        DataSplits data = CliData.load(dataset);
        ModelStore store = ModelStore.inResults(Folders.results());
        Model net;
        try {
            net = ModelZoo.create(model, cfg.seed(), data.shape(), data.classes());
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCode.REFUSED, e.getMessage(), e);
        }
        TrainResult result;
        try (ProgressBarListener bar = new ProgressBarListener(model + "/" + data.name(), System.err)) {
            result = Trainer.train(net, CliData.bind(net, data, model).data(), cfg, bar);
        }
        ModelCard card = store.save(net, model, data, cfg, result);
        print(card, store.zipOf(model, data.name()));
        return ExitCode.OK;
    }

    private TrainConfig config() {
        TrainConfig cfg = TrainConfig.defaults(model);
        if (epochs != null) cfg = cfg.withEpochs(epochs);
        if (batch != null) cfg = cfg.withBatchSize(batch);
        if (lr != null) cfg = cfg.withLearningRate(lr);
        if (seed != null) cfg = cfg.withSeed(seed);
        return cfg;
    }

    private void print(ModelCard card, Path zip) {
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectNode node = CliJson.MAPPER.valueToTree(card);
            node.put("path", zip.toString());
            out.println(CliJson.write(node));
        } else {
            double perEpoch = card.trainSeconds() / card.epochs();
            out.printf("trained %s on %s: %d epochs in %.1f s (%.1f s/epoch), seed %d%n", card.model(), card.dataset(),
                    card.epochs(), card.trainSeconds(), perEpoch, card.seed());
            out.printf("  test accuracy        %.2f%%%n", 100 * card.testAccuracy());
            out.printf("  validation accuracy  %.2f%%%n", 100 * card.validationAccuracy());
            out.printf("  parameters           %,d%n", card.parameters());
            out.printf("  saved                %s (+ .json card)%n", zip);
        }
        out.flush();
    }

    /** The zoo's names, for the help text. */
    static final class ZooNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return ModelZoo.names().iterator();
        }
    }
}
