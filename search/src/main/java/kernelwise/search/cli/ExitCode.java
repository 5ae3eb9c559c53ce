package kernelwise.search.cli;

/** The command line's exit codes; the README lists them. */
public final class ExitCode {
    /** Finished as asked. */
    public static final int OK = 0;
    /** Failed while running (I/O error, diverged training, an internal error: never a bad argument). */
    public static final int FAILURE = 1;
    /** Bad arguments, as Kernelwise checked them: unknown option or verb, a value out of range, bad syntax, a folder given for a file. */
    public static final int USAGE = 2;
    /** Something named does not exist: a run, a model file, a plan file, a data file. */
    public static final int NOT_FOUND = 3;
    /**
     * A file is refused: a store in use by another process, written by a newer schema, damaged or read-only; an input
     * that is not what it should be (a plan, model, data or text file); an output path that would overwrite an input,
     * a store, a zoo model, a benchmark table or (without --force) an existing file; a run folder of another store's run.
     */
    public static final int REFUSED = 4;
    /** The JVM ran out of memory (give it more with KERNELWISE_JAVA_OPTS). */
    public static final int OUT_OF_MEMORY = 5;

    private ExitCode() {
    }
}
