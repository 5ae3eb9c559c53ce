package kernelwise.search.cli;

import kernelwise.models.Folders;
import kernelwise.models.train.ModelStore;
import kernelwise.models.zoo.ModelZoo;
import org.deeplearning4j.nn.api.Model;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * What the {@code bench} verbs on a stored network share ({@code @Mixin}): the stored zoo model and data set, the
 * folder the tables go to and whether the table prints as JSON or markdown.
 */
final class BenchOptions {

    @Option(names = "--model", paramLabel = "NAME", defaultValue = ModelZoo.DEFAULT, description = "stored zoo model (default: ${DEFAULT-VALUE})")
    String model;

    @Option(names = "--dataset", paramLabel = "NAME", defaultValue = "mnist", description = "data set (default: ${DEFAULT-VALUE})")
    String dataset;

    @Option(names = "--out", paramLabel = "DIR", description = "output folder (default: results/bench)")
    Path out;

    @Option(names = "--json", description = "print the table as one JSON object")
    boolean json;

    /** The trained network stored for {@code --model} and {@code --dataset} in results/models. */
    Model network() throws IOException {
        return ModelStore.inResults(Folders.results()).load(model, dataset).network();
    }

    /** The folder the tables are written to: {@code --out}, else results/bench. */
    Path dir() {
        return dir(out);
    }

    /** {@code out} if given, else results/bench: the output folder of every {@code bench} verb. */
    static Path dir(Path out) {
        return out != null ? out : Folders.results().resolve("bench");
    }

    /** {@link #checkedDir(Path)} of this verb's {@code --out}. */
    Path checkedDir() throws IOException {
        return checkedDir(out);
    }

    /**
     * The output folder of a {@code bench} verb, checked before any work: a run store is refused (exit 4), another
     * existing file is a usage error (exit 2), the model zoo's folder (or one inside it) is refused (exit 4);
     * results/bench, where the committed tables are made, is allowed.
     */
    static Path checkedDir(Path out) throws IOException {
        Path dir = dir(out);
        SafeOutput.checkFolder("--out", dir, true);
        return dir;
    }

    /** Prints the table to the command's output: {@code json} with {@code --json}, else {@code markdown}. */
    void print(CommandSpec spec, Supplier<String> json, Supplier<String> markdown) {
        PrintWriter o = spec.commandLine().getOut();
        o.println(this.json ? json.get() : markdown.get());
        o.flush();
    }
}
