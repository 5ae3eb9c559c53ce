package kernelwise.search.store;

import java.nio.file.Path;

/**
 * A store file found damaged while reading it (a record whose bytes are cut or changed): unchecked, as any read of a
 * store may meet it; the command line reports it with exit code 4, naming the file and what could not be read.
 */
public final class StoreDamagedException extends RuntimeException {
    private final Path file;
    private final String what;

    public StoreDamagedException(Path file, String what, Throwable cause) {
        super(file + " is damaged: " + what + " ('kernelwise store check " + file + "' lists what can still be read)", cause);
        this.file = file;
        this.what = what;
    }

    public Path file() {
        return file;
    }

    /** What could not be read. */
    public String what() {
        return what;
    }

    /** A one-line description of a failure inside MapDB or a decoder, never just "null". */
    public static String describe(Throwable e) {
        if (e instanceof StoreDamagedException d) return d.what();
        StringBuilder sb = new StringBuilder();
        for (Throwable t = e; t != null && sb.length() < 200; t = t.getCause() == t ? null : t.getCause()) {
            String name = t.getClass().getSimpleName().replace("DBException$", "");
            String msg = t.getMessage();
            if (sb.length() > 0) sb.append(" <- ");
            sb.append(msg == null || msg.isBlank() ? name : name + " (" + firstLine(msg) + ")");
            if (msg != null && !msg.isBlank()) break;
        }
        return "a record cannot be read: " + sb;
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
