package kernelwise.search.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import kernelwise.env.Cost;
import kernelwise.env.Resource;
import kernelwise.env.hardware.HardwareModel;
import kernelwise.env.hardware.HardwareModels;
import kernelwise.models.compress.NetworkSpecs;
import kernelwise.models.plan.CompressionPlan;
import kernelwise.models.plan.NetworkSpec;
import kernelwise.models.zoo.ModelZoo;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code kernelwise bench costs}: a zoo network at one width for every weight and activation, on each hardware model. */
@Command(name = "costs", mixinStandardHelpOptions = true,
        description = {"What a zoo network (its architecture: no training, no data) costs on each hardware model with its",
                "shipped parameters, every weight and activation at --bits. Writes costs.json and costs.md to --out",
                "(default results/bench); 'table' is left out (it needs the user's own CSV)."})
public final class BenchCostsCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", paramLabel = "NAME", defaultValue = ModelZoo.DEFAULT, description = "zoo network (default: ${DEFAULT-VALUE})")
    String model;

    @Option(names = "--bits", paramLabel = "B", defaultValue = "8", description = "weight and activation bits, 1..8 (default: ${DEFAULT-VALUE})")
    int bits;

    @Option(names = "--json", description = "print one JSON object")
    boolean json;

    @Option(names = "--out", paramLabel = "DIR", description = "output folder (default: results/bench)")
    Path out;

    /** One model's cost; a figure the model does not price is null. */
    record Row(String hardware, Double cycles, Double seconds, Double energyPj, Long storageBits) {
        static Row of(HardwareModel m, Cost c) {
            Set<Resource> r = m.resources();
            boolean time = r.contains(Resource.LATENCY);
            return new Row(m.name(), time ? c.cycles() : null, time ? c.seconds() : null,
                    r.contains(Resource.ENERGY) ? c.energyPj() : null, r.contains(Resource.SIZE) ? c.storageBits() : null);
        }
    }

    @Override
    public Integer call() throws Exception {
        Path dir = BenchOptions.checkedDir(out);
        if (bits < 1 || bits > 8) throw CliException.usage("--bits must be 1..8, found " + bits);
        NetworkSpec net = NetworkSpecs.of(ModelZoo.create(model, 1));
        CompressionPlan plan = CompressionPlan.uniform(net, bits, bits, 0);
        List<Row> rows = new ArrayList<>();
        for (String name : HardwareModels.NAMES) {
            if (name.equals("table")) continue;
            HardwareModel m = HardwareModels.byName(name, null);
            rows.add(Row.of(m, m.cost(net, plan)));
        }
        ObjectNode n = CliJson.MAPPER.createObjectNode().put("model", model).put("bits", bits);
        n.set("rows", CliJson.MAPPER.valueToTree(rows));
        String md = markdown(rows);
        Files.createDirectories(dir);
        kernelwise.models.AtomicWrite.writeString(dir.resolve("costs.json"), CliJson.write(n) + "\n");
        kernelwise.models.AtomicWrite.writeString(dir.resolve("costs.md"), md);
        spec.commandLine().getOut().println(json ? CliJson.write(n) : md);
        spec.commandLine().getOut().flush();
        return ExitCode.OK;
    }

    private String markdown(List<Row> rows) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "# bench costs: %s, every weight and activation at %d bits%n%n"
                + "`./kernelwise bench costs --model %s --bits %d`: shipped hardware parameters; weight storage and traffic as the"
                + " `.kw` payload counts them.%n%n| model | cycles | latency | energy | weight storage |%n|---|---:|---:|---:|---:|%n", model, bits, model, bits));
        for (Row r : rows) {
            sb.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s |%n", r.hardware(),
                    r.cycles() == null ? "" : String.format(Locale.ROOT, "%,.0f", r.cycles()),
                    r.seconds() == null ? "" : latency(r.seconds()),
                    r.energyPj() == null ? "" : String.format(Locale.ROOT, "%.3g pJ", r.energyPj()),
                    r.storageBits() == null ? "" : String.format(Locale.ROOT, "%,d bits", r.storageBits())));
        }
        return sb.toString();
    }

    private static String latency(double s) {
        return s >= 1e-3 ? String.format(Locale.ROOT, "%.3g ms", s * 1e3) : String.format(Locale.ROOT, "%.3g us", s * 1e6);
    }
}
