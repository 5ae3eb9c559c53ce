package kernelwise.search.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kernelwise.search.SearchConfig;
import kernelwise.search.store.RunProgress;
import kernelwise.search.store.RunStore;
import kernelwise.search.store.Scores;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code kernelwise runs}: one line per stored run. */
@Command(name = "runs", mixinStandardHelpOptions = true, description = "List the stored runs.")
final class RunsCommand implements Callable<Integer> {
    private static final String ROW = "%-36s %-22s %-13s %9s %9s %-16s %9s%n";

    @Spec CommandSpec spec;
    @Mixin StoreOptions storeOptions;
    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (RunStore store = storeOptions.openForReading()) {
            ArrayNode rows = new ObjectMapper().createArrayNode();
            if (!json) out.printf(Locale.ROOT, ROW, "NAME", "MODEL", "AGENT", "EPISODES", "BEST ACC", "BEST COST", "REWARD");
            for (String run : store.runNames()) {
                SearchConfig c = Summaries.config(store, run);
                RunProgress p = store.progress(run);
                Scores b = p.bestScores();
                if (json) rows.add(row(run, c, p));
                else out.printf(Locale.ROOT, ROW, run, shortModel(c.model()), c.agent(),
                        p.episodesDone() + "/" + p.targetEpisodes(),
                        b == null ? "-" : String.format(Locale.ROOT, "%.2f%%", 100 * b.accuracy()),
                        b == null ? "-" : String.format(Locale.ROOT, "%s %.3f", c.env().budget().resource().label(), b.relativeCost()),
                        b == null ? "-" : String.format(Locale.ROOT, "%.4f", b.reward()));
            }
            if (json) out.println(CliJson.write(new ObjectMapper().createObjectNode().put("store", store.file().toString()).set("runs", rows)));
        }
        out.flush();
        return ExitCode.OK;
    }

    /** A model path shows as its file name, so that the table stays aligned. */
    private static String shortModel(String model) {
        return model.replaceAll(".*[/\\\\]", "");
    }

    private static ObjectNode row(String run, SearchConfig c, RunProgress p) {
        ObjectNode o = new ObjectMapper().createObjectNode();
        o.put("name", run).put("model", c.model()).put("agent", c.agent()).put("budget", c.env().budget().toText())
                .put("episodesDone", p.episodesDone()).put("targetEpisodes", p.targetEpisodes()).put("bestEpisode", p.bestEpisode());
        if (p.bestScores() != null) {
            o.put("bestAccuracy", p.bestScores().accuracy()).put("bestRelativeCost", p.bestScores().relativeCost())
                    .put("bestReward", p.bestScores().reward());
        }
        return o;
    }
}
