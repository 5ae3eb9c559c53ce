package kernelwise.search.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kernelwise.agents.AgentComparison;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code bench agents} table as Markdown and JSON. */
final class BenchAgentsReport {

    private BenchAgentsReport() {
    }

    static void write(Path dir, String name, Map<String, Object> settings, List<AgentComparison.Row> rows) throws IOException {
        Files.createDirectories(dir);
        kernelwise.models.AtomicWrite.writeString(dir.resolve(name + ".md"), markdown(settings, rows));
        kernelwise.models.AtomicWrite.writeString(dir.resolve(name + ".json"), json(settings, rows) + "\n");
    }

    static String markdown(Map<String, Object> settings, List<AgentComparison.Row> rows) {
        StringBuilder sb = new StringBuilder();
        sb.append("# bench agents: ").append(settings.get("model")).append(" on ").append(settings.get("dataset"))
                .append(", ").append(settings.get("hardware")).append(' ').append(settings.get("budget")).append("\n\n");
        sb.append("Settings: ").append(settings).append(".\n");
        sb.append("Best accuracy: the highest search-validation accuracy among the plans an agent scored (every plan is")
                .append(" projected onto the budget first); relative cost: that plan's budgeted resource over the 8-bit plan's.\n\n");
        sb.append("| agent | seed | episodes | best val. accuracy | its relative cost | found in episode | best reward |")
                .append(" agent s/episode | env s/episode |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (AgentComparison.Row r : rows) {
            sb.append(String.format("| %s | %d | %d | %.2f%% | %.3f | %d | %.4f | %.3f | %.3f |%n", r.agent(), r.seed(), r.episodes(),
                    100 * r.bestAccuracy(), r.bestRelativeCost(), r.bestEpisode(), r.bestReward(), r.agentSeconds(), r.envSeconds()));
        }
        sb.append("\n| agent | mean best val. accuracy over seeds | mean agent s/episode | mean env s/episode |\n|---|---:|---:|---:|\n");
        for (Map.Entry<String, double[]> e : means(rows).entrySet()) {
            double[] m = e.getValue();
            sb.append(String.format("| %s | %.2f%% | %.3f | %.3f |%n", e.getKey(), 100 * m[0] / m[3], m[1] / m[3], m[2] / m[3]));
        }
        return sb.toString();
    }

    private static Map<String, double[]> means(List<AgentComparison.Row> rows) {
        Map<String, double[]> m = new LinkedHashMap<>();
        for (AgentComparison.Row r : rows) {
            double[] s = m.computeIfAbsent(r.agent(), k -> new double[4]);
            s[0] += r.bestAccuracy();
            s[1] += r.agentSeconds();
            s[2] += r.envSeconds();
            s[3]++;
        }
        return m;
    }

    static String json(Map<String, Object> settings, List<AgentComparison.Row> rows) {
        ObjectNode root = CliJson.MAPPER.createObjectNode();
        root.set("settings", CliJson.MAPPER.valueToTree(settings));
        ArrayNode table = root.putArray("rows");
        for (AgentComparison.Row r : rows) table.add(CliJson.MAPPER.valueToTree(r));
        ObjectNode mean = root.putObject("meanBestAccuracy");
        for (Map.Entry<String, double[]> e : means(rows).entrySet()) mean.put(e.getKey(), e.getValue()[0] / e.getValue()[3]);
        return CliJson.write(root);
    }
}
