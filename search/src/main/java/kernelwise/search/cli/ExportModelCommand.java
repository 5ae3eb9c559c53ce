package kernelwise.search.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import kernelwise.models.compress.FastPlanScorer;
import kernelwise.models.compress.NetworkSpecs;
import kernelwise.models.data.DataSplits;
import kernelwise.models.export.KwFile;
import kernelwise.models.plan.CompressionPlan;
import org.deeplearning4j.nn.api.Model;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code kernelwise export-model}: packs a float model projected onto a plan (no training) into a {@code .kw} file. */
@Command(name = "export-model", mixinStandardHelpOptions = true,
        description = {"Pack a float model projected onto a plan (no fine-tuning) into a .kw file; activation ranges are",
                "calibrated on the first 1,000 training images."})
public final class ExportModelCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "ZIP|NAME", description = "a DL4J model zip or a zoo name")
    String model;

    @Option(names = {"--data", "--dataset"}, paramLabel = "SPEC", defaultValue = "mnist", description = "the data, whose training split calibrates"
            + " the activation ranges: " + CliData.HELP + " (default: ${DEFAULT-VALUE})")
    String dataset;

    @Option(names = "--plan", required = true, paramLabel = "FILE", description = "the plan (JSON)")
    Path planFile;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "the .kw file to write")
    Path out;

    @Option(names = "--force", description = "replace --out if it exists")
    boolean force;

    @Option(names = "--json", description = "print one JSON object")
    boolean json;

    @Override
    public Integer call() throws Exception {
        SafeOutput output = SafeOutput.of("--out", out, force).notOnto("--model", model).notOnto("--plan", planFile)
                .notOntoData(CliData.spec(dataset));
        output.check();
        CompressionPlan plan = CliModels.plan(planFile);
        DataSplits raw = CliData.load(dataset);
        var bound = CliData.bind(CliModels.load(model, raw.name()), raw, model);
        Model net = bound.network();
        DataSplits data = bound.data();
        CliModels.checkPlan(plan, NetworkSpecs.of(net));
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("model", model);
        source.put("dataset", CliData.spec(dataset).toString());
        source.put("plan", planFile.toString());
        var ranges = FastPlanScorer.calibrate(net, data.train());
        long bytes = output.write(f -> KwFile.write(net, plan, ranges, source, f));
        double ratio = 4.0 * net.numParams() / bytes;
        PrintWriter w = spec.commandLine().getOut();
        if (json) {
            ObjectNode n = CliJson.MAPPER.createObjectNode();
            n.put("model", model).put("plan", planFile.toString()).put("out", out.toString()).put("kwBytes", bytes)
                    .put("floatBytes", 4 * net.numParams()).put("compressionRatio", ratio);
            w.println(CliJson.write(n));
        } else {
            w.printf("wrote %s: %,d bytes (float: %,d bytes, ratio %.1fx)%n", out, bytes, 4 * net.numParams(), ratio);
        }
        w.flush();
        return ExitCode.OK;
    }
}
