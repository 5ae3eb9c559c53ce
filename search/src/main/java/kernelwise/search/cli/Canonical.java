package kernelwise.search.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A path as the file system resolves it: symbolic links followed and {@code .}/{@code ..} removed, also for a file not yet there. */
final class Canonical {
    private Canonical() {
    }

    /** The real path of {@code p}, or of its nearest existing ancestor with the rest appended. */
    static Path of(Path p) throws IOException {
        Path abs = p.toAbsolutePath();
        if (Files.exists(abs)) return abs.toRealPath();
        Path parent = abs.getParent();
        if (parent == null) return abs;
        String name = abs.getFileName().toString();
        Path realParent = of(parent);
        if (name.equals(".")) return realParent;
        if (name.equals("..")) return realParent.getParent() == null ? realParent : realParent.getParent();
        return realParent.resolve(name);
    }
}
