package kernelwise.search.cli;

import kernelwise.search.RunFactory;
import kernelwise.search.SearchConfig;
import kernelwise.search.SearchLoop;
import kernelwise.search.store.RunProgress;
import kernelwise.search.store.RunStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code kernelwise search}: starts a run and plays it to its end. */
@Command(name = "search", mixinStandardHelpOptions = true,
        description = "Search a compression plan: every episode and the agent's state are stored, so the run can be resumed.")
final class SearchCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin StoreOptions storeOptions;

    @Option(names = "--model", description = "Zoo model name or model zip path (default: ${DEFAULT-VALUE}).")
    String model = SearchConfig.DEFAULT_MODEL;
    @Option(names = {"--data", "--dataset"}, paramLabel = "SPEC", description = "The data: " + CliData.HELP + " (default: ${DEFAULT-VALUE}).")
    String data = "mnist";
    @Option(names = "--agent", description = "hierarchical, ddpg, dqn, random or evolutionary (default: ${DEFAULT-VALUE}).")
    String agent = "hierarchical";
    @Option(names = "--hardware", description = "Hardware model: bitfusion, bismo, size, bops or table (default: ${DEFAULT-VALUE}).")
    String hardware = "bitfusion";
    @Option(names = "--hardware-params", paramLabel = "FILE", description = "The hardware model's parameters: a copy of its"
            + " JSON (env/src/main/resources/kernelwise/hardware/) with values changed, or the CSV lookup table for 'table'.")
    Path hardwareParams;
    @Option(names = "--budget", description = "resource=fraction of the 8-bit plan's cost (default: ${DEFAULT-VALUE}).")
    String budget = SearchConfig.DEFAULT_BUDGET;
    @Option(names = "--mode", description = "Reward: resource-constrained (plans cut to the budget, reward = accuracy),"
            + " accuracy-guaranteed or weighted (default: ${DEFAULT-VALUE}).")
    String mode = "resource-constrained";
    @Option(names = "--max-accuracy-loss", description = "Accuracy loss allowed in accuracy-guaranteed mode, a fraction (default: ${DEFAULT-VALUE}).")
    double maxAccuracyLoss = 0.01;
    @Option(names = "--episodes", description = "Episodes to run (default: ${DEFAULT-VALUE}).")
    int episodes = SearchConfig.DEFAULT_EPISODES;
    @Option(names = "--seed", description = "The run's seed (default: ${DEFAULT-VALUE}).")
    long seed = 1;
    @Option(names = "--run", description = "Run name (default: <model>-<agent>-s<seed>-<date-time>).")
    String run;
    @Option(names = "--eval-images", description = "Search-validation images scored per episode, at most: all of them when the split is smaller (default: ${DEFAULT-VALUE}).")
    int evalImages = SearchConfig.DEFAULT_EVAL_IMAGES;
    @Option(names = "--recovery", paramLabel = "R", description = "Recovery step before a plan is scored: none, bias (each kernel's"
            + " bias moved by its mean gap to the float layer's output) or lsq (each layer's kept weights refit by least squares to the float layer's"
            + " outputs, then quantized again) (default: ${DEFAULT-VALUE}).")
    String recovery = SearchConfig.DEFAULT_RECOVERY.name().toLowerCase(java.util.Locale.ROOT);
    @Option(names = "--recovery-images", paramLabel = "N", description = "Training images the recovery step fits on (default: ${DEFAULT-VALUE}).")
    int recoveryImages = SearchConfig.DEFAULT_RECOVERY_IMAGES;
    @Option(names = "--checkpoint-every", description = "Store the agent's state every N episodes (default: ${DEFAULT-VALUE}).")
    int checkpointEvery = 1;
    @Option(names = "--agent-config", paramLabel = "FILE", description = "The agent's full configuration as JSON (default: the"
            + " agents' defaults; 'show NAME --json' prints a run's under config.agentConfig).")
    Path agentConfig;

    private final RunFactory runs;

    SearchCommand(RunFactory runs) {
        this.runs = runs;
    }

    @Override
    public Integer call() throws Exception {
        if (CliModels.isPacked(model)) {
            throw CliException.usage("--model " + model + " is a packed .kw file (a finished, compressed model): a search starts from a float"
                    + " model (zoo name, .zip or .h5); to score the packed file use 'kernelwise evaluate --model " + model + "'");
        }
        if ("table".equals(hardware) && hardwareParams == null) {
            throw CliException.usage("--hardware table needs --hardware-params FILE (the CSV of per-layer costs), found none");
        }
        if (hardwareParams != null) {
            CliInputs.text("--hardware-params", hardwareParams);
            kernelwise.env.hardware.HardwareModels.byName(hardware, hardwareParams);   // parameters that are not the model's are refused before the store opens
        }
        SearchConfig config = SearchConfig.builder().run(run).model(model).data(CliData.spec(data)).agent(agent)
                .hardware(hardware, hardwareParams == null ? null : hardwareParams.toAbsolutePath().toString())
                .budget(budget).mode(mode).maxAccuracyLoss(maxAccuracyLoss).episodes(episodes).seed(seed)
                .evalImages(evalImages).recovery(recovery, recoveryImages).checkpointEvery(checkpointEvery)
                .agentConfig(CliInputs.agentConfig("--agent-config", agentConfig)).build();
        try {
            kernelwise.search.RunFolder.check(storeOptions.results(), config.run(), storeOptions.store());
        } catch (kernelwise.search.RunFolder.TakenException e) {
            throw new CliException(ExitCode.REFUSED, e.getMessage(), e);
        }
        try (RunStore store = storeOptions.open(); ProgressListener bar = new ProgressListener(System.err)) {
            SearchLoop loop = new SearchLoop(store, storeOptions.results(), runs, bar);
            RunProgress p = RunErrors.mapped(() -> loop.start(config));
            bar.close();
            Summaries.printFinished(spec.commandLine().getOut(), config.run(), p, storeOptions.results());
        }
        return ExitCode.OK;
    }
}
