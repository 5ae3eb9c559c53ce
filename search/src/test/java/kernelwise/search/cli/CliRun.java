package kernelwise.search.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One in-process run of the command line: exit code, stdout and stderr. */
record CliRun(int code, String out, String err) {

    static CliRun of(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        var cl = Main.commandLine();
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
