package kernelwise.models;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class AtomicWriteTest {
    @TempDir
    Path dir;

    @Test
    void givenAWriterThatFailsHalfway_whenWritten_thenTheOldFileIsIntactAndNothingIsLeftBehind() throws IOException {
        Path target = dir.resolve("plan.json");
        Files.writeString(target, "old");
        IOException e = assertThrows(IOException.class, () -> AtomicWrite.write(target, f -> {
            Files.writeString(f, "half");
            Files.writeString(f.resolveSibling(f.getFileName() + ".tmp"), "a writer's own temporary file");
            throw new IOException("disk full");
        }));
        assertEquals("disk full", e.getMessage());
        assertEquals("old", Files.readString(target));
        try (var in = Files.list(dir)) {
            assertEquals(List.of(target), in.toList());
        }
    }

    @Test
    void givenAnExistingFile_whenWritten_thenItIsReplacedWhole() throws IOException {
        Path target = dir.resolve("sub/table.csv");
        AtomicWrite.writeString(target, "a");
        AtomicWrite.writeString(target, "b,c");
        assertEquals("b,c", Files.readString(target));
        try (var in = Files.list(target.getParent())) {
            assertEquals(1, in.count());
        }
    }
}
