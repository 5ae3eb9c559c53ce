package kernelwise.search.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import kernelwise.models.compress.Accuracy;
import kernelwise.models.compress.FastPlanScorer;
import kernelwise.models.compress.QuantizedNetwork;
import kernelwise.models.data.DataSplits;
import kernelwise.models.export.KwFile;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** {@code kernelwise evaluate}: test accuracy of a packed {@code .kw} model (with its plan's activation quantization) or a float model. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {"Test accuracy of a packed .kw model (dequantized weights, activations quantized as its plan says)",
                "or of a float model (zoo name or .zip)."})
public final class EvaluateCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "FILE|NAME", description = "a .kw file, a DL4J model zip or a zoo name")
    String model;

    @Option(names = {"--data", "--dataset"}, paramLabel = "SPEC", defaultValue = "mnist", description = "the data: " + CliData.HELP + " (default: ${DEFAULT-VALUE})")
    String dataset;

    @Option(names = "--json", description = "print one JSON object")
    boolean json;

    @Override
    public Integer call() throws Exception {
        long bytes = -1;
        long params;
        double acc;
        DataSplits data = CliData.load(dataset);
        if (CliModels.isPacked(model)) {
            KwFile.Packed packed = CliModels.loadPacked(model);
            bytes = packed.bytes();
            params = packed.network().numParams();
            acc = CliModels.accuracy(packed, CliData.bind(packed.network(), data, model).data().test());
        } else {
            var bound = CliData.bind(CliModels.load(model, data.name()), data, model);
            params = bound.network().numParams();
            acc = new Accuracy(bound.data().test(), FastPlanScorer.DEFAULT_BATCH).of(QuantizedNetwork.of(bound.network()));
        }
        PrintWriter w = spec.commandLine().getOut();
        if (json) {
            ObjectNode n = CliJson.MAPPER.createObjectNode();
            n.put("model", model).put("dataset", data.name()).put("testAccuracy", acc).put("parameters", params);
            if (bytes >= 0) n.put("kwBytes", bytes).put("compressionRatio", 4.0 * params / bytes);
            w.println(CliJson.write(n));
        } else {
            w.printf("%s on %s: test accuracy %.2f%%%s%n", model, data.name(), 100 * acc,
                    bytes >= 0 ? String.format(" (%,d bytes, ratio %.1fx vs float)", bytes, 4.0 * params / bytes) : "");
        }
        w.flush();
        return ExitCode.OK;
    }
}
