package kernelwise.search.cli;

import kernelwise.agents.AgentComparison;
import kernelwise.agents.AgentConfig;
import kernelwise.agents.Agents;
import kernelwise.env.CompressionEnv;
import kernelwise.env.EnvConfig;
import kernelwise.env.budget.Budget;
import kernelwise.env.hardware.HardwareModel;
import kernelwise.models.data.DataSplits;
import org.deeplearning4j.nn.api.Model;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code kernelwise bench agents}: the agents side by side on one stored network, hardware model and budget, with
 * the same episode budget and seeds; writes results/bench/agents.md and agents.json (or {@code --name}).
 */
@Command(name = "agents", mixinStandardHelpOptions = true,
        description = {"Run agents with the same episodes and seeds on a stored model under a hardware budget and tabulate",
                "the best search-validation accuracy each found, its relative cost, and agent vs env seconds per episode",
                "in results/bench/agents.md and .json."})
public final class BenchAgentsCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    BenchOptions bench;

    @Option(names = "--agents", paramLabel = "A", split = ",", defaultValue = "hierarchical,random,ddpg",
            description = "agents to compare (default: ${DEFAULT-VALUE})")
    List<String> agents;

    @Option(names = "--episodes", paramLabel = "N", defaultValue = "100", description = "episodes (plans scored) per agent and seed (default: ${DEFAULT-VALUE})")
    int episodes;

    @Option(names = "--seeds", paramLabel = "S", split = ",", defaultValue = "1,2", description = "agent seeds (default: ${DEFAULT-VALUE})")
    List<Long> seeds;

    @Option(names = "--hardware", paramLabel = "NAME", defaultValue = "bitfusion", description = "hardware model (default: ${DEFAULT-VALUE})")
    String hardware;

    @Option(names = "--budget", paramLabel = "R=F", defaultValue = "latency=0.5", description = "resource=fraction of the 8-bit plan's cost (default: ${DEFAULT-VALUE})")
    String budget;

    @Option(names = "--eval-images", paramLabel = "N", defaultValue = "0", description = "search-validation images per plan, 0 = all 5,000 (default: ${DEFAULT-VALUE})")
    int evalImages;

    @Option(names = "--scorers", paramLabel = "N", defaultValue = "0", description = "parallel scorers, 0 = one per core (default: ${DEFAULT-VALUE})")
    int scorers;

    @Option(names = "--batch", paramLabel = "N", defaultValue = "8", description = "episodes per batch; the evolutionary agent scores a batch in parallel (default: ${DEFAULT-VALUE})")
    int batch;

    @Option(names = "--agent-config", paramLabel = "FILE", description = "the agents' configuration as JSON (default: the built-in defaults)")
    Path agentConfig;

    @Option(names = "--name", paramLabel = "STEM", defaultValue = "agents", description = "file stem of the tables (default: ${DEFAULT-VALUE})")
    String name;

    @Override
    public Integer call() throws Exception {
        bench.checkedDir();
        for (String a : agents) {
            if (!Agents.NAMES.contains(a)) throw CliException.usage("unknown agent '" + a + "' (known: " + String.join(", ", Agents.NAMES) + ")");
        }
        if (episodes <= 0) throw CliException.usage("--episodes must be positive, found " + episodes);
        if (seeds.isEmpty()) throw CliException.usage("--seeds needs at least one seed");
        AgentConfig cfg = CliInputs.agentConfig("--agent-config", agentConfig);
        Model net = bench.network();
        DataSplits data = CliData.load(bench.dataset);
        EnvConfig envCfg = EnvConfig.defaults().withHardware(hardware, null).withBudget(Budget.parse(budget))
                .withScoring(scorers, evalImages, 1000);
        HardwareModel hw = envCfg.hardwareModel();
        PrintWriter err = spec.commandLine().getErr();
        Map<Boolean, CompressionEnv> envs = new HashMap<>();
        try {
            AgentComparison cmp = new AgentComparison(cfg, kernelSteps -> envs.computeIfAbsent(kernelSteps,
                    k -> CompressionEnv.create(net, data, envCfg.withKernelSteps(k), hw)), batch);
            List<AgentComparison.Row> rows = cmp.run(agents, seeds, episodes, (agent, seed, done, total) -> {
                err.printf("bench agents: %s seed %d: %d/%d episodes%n", agent, seed, done, total);
                err.flush();
            });
            Map<String, Object> settings = settings(envs.values().iterator().next());
            if (agentConfig != null) settings.put("agentConfig", agentConfig.toString());
            BenchAgentsReport.write(bench.dir(), name, settings, rows);
            bench.print(spec, () -> BenchAgentsReport.json(settings, rows), () -> BenchAgentsReport.markdown(settings, rows));
        } finally {
            envs.values().forEach(CompressionEnv::close);
        }
        return ExitCode.OK;
    }

    private Map<String, Object> settings(CompressionEnv env) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("model", bench.model);
        s.put("dataset", bench.dataset);
        s.put("hardware", hardware);
        s.put("budget", budget);
        s.put("episodes", episodes);
        s.put("seeds", seeds);
        s.put("evalImages", evalImages > 0 ? evalImages : "all");
        s.put("floatAccuracy", env.baselineAccuracy());
        s.put("kernels", env.spec().totalKernels());
        s.put("cores", Runtime.getRuntime().availableProcessors());
        return s;
    }
}
