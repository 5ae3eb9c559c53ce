package kernelwise.search.cli;

import kernelwise.search.ToyRunFactory;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One in-process run of the command line: exit code, stdout and stderr. */
record CliRun(int code, String out, String err) {

    static CliRun of(String... args) {
        return run(Main.commandLine(), args);
    }

    /** The command line searching over the toy environment of {@link ToyRunFactory}. */
    static CliRun toy(String... args) {
        return run(Main.commandLine(new ToyRunFactory()), args);
    }

    private static CliRun run(picocli.CommandLine cl, String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }

    /** The error output is a single line starting with "kernelwise:" (picocli usage errors add a "Try" hint). */
    boolean oneLineError() {
        String[] lines = err.strip().split("\n");
        return lines[0].startsWith("kernelwise: ") && (lines.length == 1 || lines.length == 2 && lines[1].startsWith("Try "));
    }
}
