package kernelwise.search.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.nio.file.NoSuchFileException;

/**
 * The {@code kernelwise} command. Each verb is a class of its own in this package, listed below.
 * Errors are printed as one line on stderr; exit codes are in {@link ExitCode}.
 */
@Command(name = "kernelwise", mixinStandardHelpOptions = true, version = "kernelwise 0.1.0",
        description = "Kernel-wise quantization and pruning of DeepLearning4J networks by hierarchical deep-RL search.",
        subcommands = {
                CommandLine.HelpCommand.class,
                DataCommand.class,
                TrainCommand.class,
                ModelsCommand.class,
                SearchCommand.class, ResumeCommand.class, RunsCommand.class, ShowCommand.class,
                ExportCommand.class, ReportCommand.class,
                FinetuneCommand.class,
                EvaluateCommand.class,
                ExportModelCommand.class,
                PlanCommand.class,
                BenchCommand.class,
        })
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a verb is required");
    }

    /** Builds the command line with the error handling every verb shares. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            int code = exitCodeFor(ex);
            commandLine.getErr().println("kernelwise: " + oneLine(ex));
            if (code == ExitCode.FAILURE && System.getenv("KERNELWISE_DEBUG") != null) ex.printStackTrace(commandLine.getErr());
            return code;
        });
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println("kernelwise: " + ex.getMessage());
            c.getErr().println("Try '" + c.getCommandSpec().qualifiedName() + " --help'.");
            return ExitCode.USAGE;
        });
        return cl;
    }

    static int exitCodeFor(Throwable ex) {
        if (ex instanceof CliException ce) return ce.exitCode();
        if (ex instanceof NoSuchFileException) return ExitCode.NOT_FOUND;
        if (ex instanceof IllegalArgumentException) return ExitCode.USAGE;
        return ExitCode.FAILURE;
    }

    static String oneLine(Throwable ex) {
        String msg = ex instanceof NoSuchFileException nsf ? "no such file: " + nsf.getFile() : ex.getMessage();
        if (msg == null) msg = ex.getClass().getSimpleName();
        int nl = msg.indexOf('\n');
        return nl < 0 ? msg : msg.substring(0, nl);
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
