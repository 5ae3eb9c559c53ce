package kernelwise.search.cli;

import kernelwise.search.RunFactory;
import kernelwise.search.ZooRunFactory;
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
                StoreCommand.class,
        })
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a verb is required");
    }

    /** Builds the command line with the error handling every verb shares, searching with the real model zoo and env. */
    public static CommandLine commandLine() {
        return commandLine(new ZooRunFactory().trainingProgress(new ProgressBarListener("training the zoo model before the search", System.err)));
    }

    /**
     * The command line whose {@code search} and {@code resume} build their runs with {@code runs} (tests drive it
     * with a small environment). A verb class taking a {@link RunFactory} in its constructor is given it.
     */
    public static CommandLine commandLine(RunFactory runs) {
        CommandLine.IFactory defaults = CommandLine.defaultFactory();
        CommandLine cl = new CommandLine(new Main(), new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> cls) throws Exception {
                try {
                    var withRuns = cls.getDeclaredConstructor(RunFactory.class);
                    return withRuns.newInstance(runs);
                } catch (NoSuchMethodException plain) {
                    return defaults.create(cls);
                }
            }
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            int code = exitCodeFor(ex);
            commandLine.getErr().println("kernelwise: " + oneLine(ex));
            if ((code == ExitCode.FAILURE || code == ExitCode.OUT_OF_MEMORY) && System.getenv("KERNELWISE_DEBUG") != null) ex.printStackTrace(commandLine.getErr());
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
        if (ex instanceof kernelwise.search.store.StoreDamagedException || ex instanceof kernelwise.search.RunFolder.TakenException) return ExitCode.REFUSED;
        if (ex instanceof NoSuchFileException) return ExitCode.NOT_FOUND;
        if (ex instanceof OutOfMemoryError) return ExitCode.OUT_OF_MEMORY;
        if (ex instanceof IllegalArgumentException && checkedByKernelwise(ex)) return ExitCode.USAGE;
        return ExitCode.FAILURE;
    }

    /**
     * Whether an {@link IllegalArgumentException} is Kernelwise's own check of a value the user gave (thrown by
     * Kernelwise code, or by the JDK called from it, e.g. a number that does not parse) rather than a failure inside a
     * library (ND4J, DL4J, MapDB, ...), which is an internal error (exit 1), never "bad arguments".
     */
    static boolean checkedByKernelwise(Throwable ex) {
        for (StackTraceElement f : ex.getStackTrace()) {
            String c = f.getClassName();
            if (c.startsWith("java.") || c.startsWith("jdk.") || c.startsWith("sun.")) continue;
            return c.startsWith("kernelwise.");
        }
        return false;
    }

    static String oneLine(Throwable ex) {
        if (ex instanceof OutOfMemoryError) return outOfMemory(ex);
        String msg = ex instanceof NoSuchFileException nsf ? "no such file: " + nsf.getFile() : ex.getMessage();
        if (msg == null) msg = ex.getClass().getSimpleName();
        int nl = msg.indexOf('\n');
        msg = nl < 0 ? msg : msg.substring(0, nl);
        boolean internal = exitCodeFor(ex) == ExitCode.FAILURE && ex instanceof RuntimeException && !ex.getClass().getName().startsWith("kernelwise.")
                && !(ex instanceof IllegalStateException) && !(ex instanceof java.io.UncheckedIOException);
        return internal ? "internal error: " + ex.getClass().getSimpleName() + ": " + msg + " (KERNELWISE_DEBUG=1 prints where)" : msg;
    }

    private static String outOfMemory(Throwable ex) {
        long mb = Runtime.getRuntime().maxMemory() >> 20;
        return "out of memory (" + (ex.getMessage() == null ? "OutOfMemoryError" : ex.getMessage()) + ", Java heap at most " + mb
                + " MB); give the JVM more with KERNELWISE_JAVA_OPTS, e.g. KERNELWISE_JAVA_OPTS=-Xmx12g ./kernelwise ...";
    }

    public static void main(String[] args) {
        int code;
        try {
            code = commandLine().execute(args);
        } catch (OutOfMemoryError e) {
            System.err.println("kernelwise: " + outOfMemory(e));
            code = ExitCode.OUT_OF_MEMORY;
        }
        System.exit(code);
    }
}
