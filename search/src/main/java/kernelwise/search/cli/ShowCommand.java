package kernelwise.search.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kernelwise.search.RunOutputs;
import kernelwise.env.Resource;
import kernelwise.search.store.RunProgress;
import kernelwise.search.store.RunStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code kernelwise show NAME}: one run's configuration, provenance, progress, best plan and fronts. */
@Command(name = "show", mixinStandardHelpOptions = true, description = "Summarise one run.")
final class ShowCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin StoreOptions storeOptions;
    @Parameters(paramLabel = "NAME", arity = "0..1", description = "The run (default: the run started last).")
    String run;
    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (RunStore store = storeOptions.openForReading()) {
            String run = StoreOptions.runOrLatest(store, this.run);
            ObjectNode summary = RunOutputs.summary(store, run);
            if (json) out.println(CliJson.write(summary));
            else printText(out, run, summary, store.progress(run));
        }
        out.flush();
        return ExitCode.OK;
    }

    private static void printText(PrintWriter out, String run, ObjectNode s, RunProgress p) {
        out.println("run " + run + " (store " + s.get("store").asText() + ")");
        out.printf(Locale.ROOT, "episodes: %d of %d, %.1f min of search%s%n", p.episodesDone(), p.targetEpisodes(), p.searchSeconds() / 60,
                p.finished() ? "" : " (unfinished: kernelwise resume " + run + ")");
        out.println("config:");
        s.get("config").fields().forEachRemaining(f -> out.println("  " + f.getKey() + " = " + text(f.getValue())));
        out.println("provenance:");
        s.get("provenance").fields().forEachRemaining(f -> out.println("  " + f.getKey() + " = " + text(f.getValue())));
        if (p.bestScores() != null) out.println("best (episode " + p.bestEpisode() + "): " + Summaries.scores(p.bestScores()));
        for (Resource a : Resource.values()) {
            out.println("pareto front, accuracy vs " + a.label() + ": " + p.front(a).points().size() + " plans");
        }
    }

    private static String text(JsonNode n) {
        return n.isValueNode() ? n.asText() : n.toString();
    }
}
