package kernelwise.search.cli;

/** The command line's exit codes; the README lists them. */
public final class ExitCode {
    /** Finished as asked. */
    public static final int OK = 0;
    /** Failed while running (I/O error, diverged training, ...). */
    public static final int FAILURE = 1;
    /** Bad arguments: unknown option or verb, a value out of range, bad syntax. */
    public static final int USAGE = 2;
    /** Something named does not exist: a run, a model file, a plan file, a data file. */
    public static final int NOT_FOUND = 3;
    /** A stored file is refused: in use by another process, written by a newer schema, corrupt. */
    public static final int REFUSED = 4;

    private ExitCode() {
    }
}
