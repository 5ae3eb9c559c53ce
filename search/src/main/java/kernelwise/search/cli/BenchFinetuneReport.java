package kernelwise.search.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The {@code bench finetune} table as Markdown and JSON. */
final class BenchFinetuneReport {

    private BenchFinetuneReport() {
    }

    static void write(Path dir, String model, String dataset, double floatAccuracy, Map<String, Object> settings,
                      List<BenchFinetuneRow> rows, String command) throws IOException {
        Files.createDirectories(dir);
        kernelwise.models.AtomicWrite.writeString(dir.resolve("finetune.md"), markdown(model, dataset, floatAccuracy, settings, rows, command));
        kernelwise.models.AtomicWrite.writeString(dir.resolve("finetune.json"), json(model, dataset, floatAccuracy, settings, rows) + "\n");
    }

    /** The table; {@code command} is the command line that makes it. */
    static String markdown(String model, String dataset, double floatAccuracy, Map<String, Object> settings, List<BenchFinetuneRow> rows,
                           String command) {
        StringBuilder sb = new StringBuilder();
        sb.append("# bench finetune: ").append(model).append(" on ").append(dataset).append("\n\n");
        sb.append(String.format("Float network: test accuracy %.2f%%. Settings: %s.%n", 100 * floatAccuracy, settings));
        sb.append("Activations in float in the built-in plans (they compress weights only); a plan file keeps its own activation bits."
                + " Ratio: 4 bytes per float parameter over the packed file.\n\n");
        sb.append("Reproduce: `").append(command).append("`.\n\n");
        sb.append("| plan | method | epochs | test acc. after hard projection | test acc. of the .kw after fine-tuning | loss vs float (pt) |")
                .append(" kept weights | payload B | .kw B | container B | ratio vs float32 | wall s |\n");
        sb.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (BenchFinetuneRow r : rows) {
            sb.append(String.format("| %s | %s | %d | %.2f%% | %.2f%% | %.2f | %,d | %,d | %,d | %,d | %.0fx | %.0f |%n",
                    r.plan(), r.method(), r.epochs(), 100 * r.projectedAccuracy(), 100 * r.finalAccuracy(),
                    100 * (floatAccuracy - r.finalAccuracy()), r.keptWeights(), r.payloadBytes(), r.fileBytes(),
                    r.fileBytes() - r.payloadBytes(), r.ratio(), r.seconds()));
        }
        sb.append("\npayload B: the compressible layers' weights as KernelStorage counts them; container B: the rest of the .kw")
                .append(" file (deflated header and plan block, int8 biases, per-layer padding, CRC). The accuracy after fine-tuning is")
                .append(" measured on the .kw file read back, as `evaluate` does.\n");
        rows.stream().filter(r -> floatAccuracy - r.finalAccuracy() <= 0.005 + 1e-9).max(java.util.Comparator.comparingDouble(BenchFinetuneRow::ratio))
                .ifPresentOrElse(r -> sb.append(String.format("Best ratio within 0.5 pt of the float network: %.0fx (%s, %s).%n", r.ratio(), r.plan(), r.method())),
                        () -> sb.append("No row is within 0.5 pt of the float network.\n"));
        return sb.toString();
    }

    /**
     * The rows of the table in {@code dir} if it was made with {@code settings} (none if there is no table).
     *
     * @throws CliException (refused) if the table there was made with other settings, or cannot be read
     */
    static List<BenchFinetuneRow> rows(Path dir, Map<String, Object> settings) throws IOException {
        Path file = dir.resolve("finetune.json");
        if (!Files.isRegularFile(file)) return List.of();
        try {
            var root = CliJson.MAPPER.readTree(file.toFile());
            if (!root.get("settings").toString().equals(CliJson.MAPPER.valueToTree(settings).toString())) {
                throw new CliException(ExitCode.REFUSED, "--resume: " + file + " was made with settings " + root.get("settings")
                        + ", not " + CliJson.MAPPER.valueToTree(settings));
            }
            List<BenchFinetuneRow> rows = new java.util.ArrayList<>();
            for (var r : root.get("rows")) rows.add(CliJson.MAPPER.treeToValue(r, BenchFinetuneRow.class));
            return rows;
        } catch (com.fasterxml.jackson.core.JacksonException | NullPointerException e) {
            throw new CliException(ExitCode.REFUSED, "--resume: " + file + " is not a bench finetune table (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    static String json(String model, String dataset, double floatAccuracy, Map<String, Object> settings, List<BenchFinetuneRow> rows) {
        ObjectNode root = CliJson.MAPPER.createObjectNode();
        root.put("model", model);
        root.put("dataset", dataset);
        root.put("floatTestAccuracy", floatAccuracy);
        root.set("settings", CliJson.MAPPER.valueToTree(settings));
        ArrayNode table = root.putArray("rows");
        for (BenchFinetuneRow r : rows) table.add(CliJson.MAPPER.valueToTree(r));
        return CliJson.write(root);
    }
}
