package kernelwise.search.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code kernelwise bench}: speed measurements written to results/bench/. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Speed and training benchmarks, written to results/bench/.",
        subcommands = {BenchEvalCommand.class, BenchFinetuneCommand.class})
public final class BenchCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a benchmark is required (eval, finetune)");
    }
}
