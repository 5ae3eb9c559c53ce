package kernelwise.search.cli;

import kernelwise.search.RunFactories;
import kernelwise.search.SearchConfig;
import kernelwise.search.SearchLoop;
import kernelwise.search.store.RunProgress;
import kernelwise.search.store.RunStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.concurrent.Callable;

/** {@code kernelwise search}: starts a run and plays it to its end. */
@Command(name = "search", mixinStandardHelpOptions = true,
        description = "Search a compression plan: every episode and the agent's state are stored, so the run can be resumed.")
final class SearchCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin StoreOptions storeOptions;

    @Option(names = "--model", description = "Zoo model name or model zip path (default: ${DEFAULT-VALUE}).")
    String model = SearchConfig.DEFAULT_MODEL;
    @Option(names = "--dataset", description = "mnist or fashion-mnist (default: ${DEFAULT-VALUE}).")
    String dataset = "mnist";
    @Option(names = "--agent", description = "hierarchical, ddpg, dqn, random or evolutionary (default: ${DEFAULT-VALUE}).")
    String agent = "hierarchical";
    @Option(names = "--hardware", description = "Hardware model: bitfusion, bismo, size, bops or table (default: ${DEFAULT-VALUE}).")
    String hardware = "bitfusion";
    @Option(names = "--hardware-params", paramLabel = "FILE", description = "The hardware model's parameters: a copy of its"
            + " JSON (env/src/main/resources/kernelwise/hardware/) with values changed, or the CSV lookup table for 'table'.")
    Path hardwareParams;
    @Option(names = "--budget", description = "resource=fraction of the 8-bit plan's cost (default: ${DEFAULT-VALUE}).")
    String budget = "latency=0.4";
    @Option(names = "--mode", description = "Reward: resource-constrained (plans cut to the budget, reward = accuracy),"
            + " accuracy-guaranteed or weighted (default: ${DEFAULT-VALUE}).")
    String mode = SearchConfig.DEFAULT_MODE;
    @Option(names = "--max-accuracy-loss", description = "Accuracy loss allowed in accuracy-guaranteed mode, a fraction (default: ${DEFAULT-VALUE}).")
    double maxAccuracyLoss = 0.01;
    @Option(names = "--episodes", description = "Episodes to run (default: ${DEFAULT-VALUE}).")
    int episodes = SearchConfig.DEFAULT_EPISODES;
    @Option(names = "--seed", description = "The run's seed (default: ${DEFAULT-VALUE}).")
    long seed = 1;
    @Option(names = "--run", description = "Run name (default: <model>-<agent>-s<seed>-<date-time>).")
    String run;
    @Option(names = "--eval-images", description = "Search-validation images scored per episode (default: ${DEFAULT-VALUE}).")
    int evalImages = SearchConfig.DEFAULT_EVAL_IMAGES;
    @Option(names = "--checkpoint-every", description = "Store the agent's state every N episodes (default: ${DEFAULT-VALUE}).")
    int checkpointEvery = 1;
    @Option(names = "--agent-config", paramLabel = "FILE", description = "The agent's full configuration as JSON (default: the"
            + " agents' defaults; 'show NAME --json' prints a run's under config.agentConfig).")
    Path agentConfig;

    @Override
    public Integer call() throws Exception {
        String name = run != null ? run : SearchConfig.defaultRunName(model, agent, seed, LocalDateTime.now());
        SearchConfig config = new SearchConfig(name, model, dataset, agent, hardware,
                hardwareParams == null ? null : hardwareParams.toAbsolutePath().toString(), budget, mode, maxAccuracyLoss, episodes, seed,
                evalImages, checkpointEvery, null, json(agentConfig));
        try (RunStore store = storeOptions.open(); ProgressListener bar = new ProgressListener(System.err)) {
            SearchLoop loop = new SearchLoop(store, storeOptions.results(), RunFactories.fromSystem(), bar);
            RunProgress p = RunErrors.mapped(() -> loop.start(config));
            bar.close();
            Summaries.printFinished(spec.commandLine().getOut(), name, p, storeOptions.results());
        }
        return ExitCode.OK;
    }

    private static JsonNode json(Path file) throws IOException {
        if (file == null) return null;
        try {
            return new ObjectMapper().readTree(Files.readString(file));
        } catch (JsonProcessingException e) {
            throw CliException.usage(file + " is not valid JSON: " + e.getOriginalMessage());
        }
    }
}
