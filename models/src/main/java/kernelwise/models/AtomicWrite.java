package kernelwise.models;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file so that it is either its old self or its complete new self, never half-written and never leaving a
 * temporary file behind: the content goes to a private folder next to the target (same file system), is moved onto
 * the target by an atomic rename, and the private folder is removed whatever happens.
 */
public final class AtomicWrite {
    /** Writes the content to the file it is given (the target's name in a temporary folder). */
    @FunctionalInterface
    public interface Content<T> {
        T writeTo(Path file) throws IOException;
    }

    private AtomicWrite() {
    }

    /** Writes {@code content} into {@code target} (its folder is created if missing) and returns what the writer returned. */
    public static <T> T write(Path target, Content<T> content) throws IOException {
        Path abs = target.toAbsolutePath();
        Path parent = abs.getParent();
        Files.createDirectories(parent);
        Path tmpDir = Files.createTempDirectory(parent, "." + abs.getFileName() + ".writing-");
        try {
            Path tmp = tmpDir.resolve(abs.getFileName().toString());
            T result = content.writeTo(tmp);
            if (!Files.isRegularFile(tmp)) throw new IOException("nothing was written for " + target);
            Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return result;
        } finally {
            deleteTree(tmpDir);
        }
    }

    /** Writes {@code text} (UTF-8) into {@code target} atomically. */
    public static void writeString(Path target, CharSequence text) throws IOException {
        write(target, f -> Files.writeString(f, text));
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (DirectoryStream<Path> in = Files.newDirectoryStream(dir)) {
            for (Path p : in) {
                if (Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) deleteTree(p);
                else Files.deleteIfExists(p);
            }
        }
        Files.deleteIfExists(dir);
    }
}
