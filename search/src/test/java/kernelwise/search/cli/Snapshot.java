package kernelwise.search.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The SHA-256 of every file under a folder, to assert that a command left every file that existed before byte-identical. */
record Snapshot(Path root, Map<Path, String> hashes) {

    static Snapshot of(Path root) throws IOException {
        Map<Path, String> h = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) h.put(root.relativize(p), sha256(p));
        }
        return new Snapshot(root, h);
    }

    /** Every file of this snapshot is still there with the same bytes. */
    void assertUnchanged() throws IOException {
        for (Map.Entry<Path, String> e : hashes.entrySet()) {
            Path p = root.resolve(e.getKey());
            assertTrue(Files.isRegularFile(p), "gone: " + p);
            assertEquals(e.getValue(), sha256(p), "changed: " + p);
        }
    }

    /** Nothing was added either (no stray temporary file, no new store). */
    void assertNothingAdded() throws IOException {
        assertEquals(hashes.keySet(), of(root).hashes().keySet(), "files added or removed under " + root);
    }

    static String sha256(Path p) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
