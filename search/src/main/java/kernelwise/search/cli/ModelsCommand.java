package kernelwise.search.cli;

import kernelwise.models.Folders;
import kernelwise.models.train.ModelCard;
import kernelwise.models.train.ModelStore;
import kernelwise.models.zoo.ModelZoo;
import kernelwise.models.zoo.Models;
import org.deeplearning4j.nn.api.Model;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code kernelwise models}: the zoo with parameter counts, and the trained models in results/models. */
@Command(name = "models", mixinStandardHelpOptions = true,
        description = "List the zoo models (with parameter counts) and the trained models in results/models (with accuracies).",
        subcommands = {ModelsInspectCommand.class})
public final class ModelsCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--json", description = "print one JSON object {zoo: [...], trained: [...]}")
    boolean json;

    /** One zoo entry. */
    public record ZooEntry(String name, String kind, long parameters) {
    }

    /** One trained model. */
    public record TrainedEntry(String model, String dataset, double testAccuracy, double validationAccuracy, int epochs,
                               long seed, long parameters, double trainSeconds, String path) {
    }

    @Override
    public Integer call() throws IOException {
        List<ZooEntry> zoo = new ArrayList<>();
        for (String name : ModelZoo.names()) {
            Model m = ModelZoo.create(name, 0);
            zoo.add(new ZooEntry(name, Models.kind(m), m.numParams()));
        }
        ModelStore store = ModelStore.inResults(Folders.results());
        List<TrainedEntry> trained = new ArrayList<>();
        for (ModelCard c : store.list()) {
            trained.add(new TrainedEntry(c.model(), c.dataset(), c.testAccuracy(), c.validationAccuracy(), c.epochs(),
                    c.seed(), c.parameters(), c.trainSeconds(), store.dir().resolve(c.zipFile()).toString()));
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> all = new LinkedHashMap<>();
            all.put("zoo", zoo);
            all.put("trained", trained);
            all.put("store", store.dir().toString());
            out.println(CliJson.write(all));
        } else {
            printText(out, zoo, trained, store);
        }
        out.flush();
        return ExitCode.OK;
    }

    private static void printText(PrintWriter out, List<ZooEntry> zoo, List<TrainedEntry> trained, ModelStore store) {
        out.println("Zoo:");
        for (ZooEntry z : zoo) out.printf("  %-14s %-18s %,10d parameters%n", z.name(), z.kind(), z.parameters());
        out.println("Trained (" + store.dir() + "):");
        if (trained.isEmpty()) out.println("  none yet; run './kernelwise train'");
        for (TrainedEntry t : trained) {
            out.printf("  %-14s %-14s test %6.2f%%  validation %6.2f%%  %d epochs, seed %d%n", t.model(), t.dataset(),
                    100 * t.testAccuracy(), 100 * t.validationAccuracy(), t.epochs(), t.seed());
        }
    }
}
