package kernelwise.search.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kernelwise.models.data.DataSplits;
import kernelwise.models.zoo.ModelInput;
import kernelwise.models.zoo.Models;
import kernelwise.models.zoo.NetworkLayers;
import org.deeplearning4j.nn.api.Model;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code kernelwise models inspect FILE [--data SPEC]}: every layer of a network and whether a plan compresses it. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = {"Print every layer of a model (a DL4J zip, a Keras .h5, a packed .kw, or a zoo name): its kind, kernels,",
                "fan-in, parameters, multiply-accumulates per example at the data's shape, and whether a plan compresses it",
                "(layers it does not, such as batch norm or LSTM, are kept in float). With --data the model is bound to that data",
                "first (needed for networks that read [N, C, H, W] images, whose input size only the data gives)."})
public final class ModelsInspectCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "FILE|NAME", description = "the model")
    String model;

    @Option(names = {"--data", "--dataset"}, paramLabel = "SPEC", description = "the data: " + CliData.HELP)
    String data;

    @Option(names = "--json", description = "print one JSON object")
    boolean json;

    @Override
    public Integer call() throws Exception {
        DataSplits d = data == null ? null : CliData.load(data);
        Model net = CliModels.isPacked(model) ? CliModels.loadPacked(model).network() : CliModels.load(model, d == null ? "mnist" : d.name());
        ModelInput input = ModelInput.of(net);
        if (d != null) net = CliData.bind(net, d, model).network();
        else if (input.kind().equals("convolutional")) {
            throw CliException.usage(model + " reads [N, C, H, W] images of a size only data gives: add --data SPEC");
        }
        List<NetworkLayers.Row> rows = NetworkLayers.of(net);
        PrintWriter w = spec.commandLine().getOut();
        if (json) w.println(CliJson.write(json(net, input, rows)));
        else print(w, net, input, rows);
        w.flush();
        return ExitCode.OK;
    }

    private ObjectNode json(Model net, ModelInput input, List<NetworkLayers.Row> rows) {
        ObjectNode n = CliJson.MAPPER.createObjectNode();
        n.put("model", model).put("network", Models.kind(net)).put("input", input.describe()).put("parameters", net.numParams());
        ArrayNode layers = n.putArray("layers");
        for (NetworkLayers.Row r : rows) layers.add(CliJson.MAPPER.valueToTree(r));
        return n;
    }

    private void print(PrintWriter w, Model net, ModelInput input, List<NetworkLayers.Row> rows) {
        long compressed = rows.stream().filter(NetworkLayers.Row::compressed).count();
        w.printf("%s: %s, input %s, %,d parameters; %d of %d layers compressed%n", model, Models.kind(net), input.describe(),
                net.numParams(), compressed, rows.size());
        w.printf("  %-22s %-22s %-10s %8s %8s %12s %14s%n", "layer", "kind", "compressed", "kernels", "fan-in", "parameters", "MACs");
        for (NetworkLayers.Row r : rows) {
            w.printf("  %-22s %-22s %-10s %8s %8s %,12d %14s%n", r.name(), r.kind(), r.compressed() ? "yes" : "no, float",
                    r.compressed() ? r.kernels() : "-", r.compressed() ? r.fanIn() : "-", r.parameters(),
                    r.compressed() ? String.format("%,d", r.macs()) : "-");
        }
    }
}
