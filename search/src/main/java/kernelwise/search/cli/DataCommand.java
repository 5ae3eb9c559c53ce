package kernelwise.search.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code kernelwise data ...}: the data sets on disk. */
@Command(name = "data", mixinStandardHelpOptions = true, description = "Manage the data sets under data/, or generate small ones.",
        subcommands = {DataFetchCommand.class, DataGenerateCommand.class})
public final class DataCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a sub-verb is required: fetch or generate");
    }
}
