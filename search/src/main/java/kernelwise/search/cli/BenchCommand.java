package kernelwise.search.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code kernelwise bench}: measurements written to results/bench/; each kind is a subcommand. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks that write their tables to results/bench/.",
        subcommands = {
                BenchEvalCommand.class,
                BenchFinetuneCommand.class,
                BenchAgentsCommand.class,
                BenchCostsCommand.class,
                BenchSearchCommand.class,
                BenchUserLoopCommand.class,
                BenchRecoveryCommand.class,
        })
public final class BenchCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a benchmark is required (eval, finetune, agents, costs, search, userloop, recovery)");
    }
}
