package kernelwise.models;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FoldersTest {
    @TempDir
    Path dir;

    @AfterEach
    void clear() {
        System.clearProperty("kernelwise.data");
        System.clearProperty("kernelwise.results");
        System.clearProperty("kernelwise.home");
    }

    @Test
    void givenProperty_whenResolved_thenPropertyWinsOverHome() {
        System.setProperty("kernelwise.home", dir.resolve("home").toString());
        System.setProperty("kernelwise.data", dir.resolve("elsewhere").toString());
        assertEquals(dir.resolve("elsewhere"), Folders.data());
        assertEquals(dir.resolve("home/results"), Folders.results());
        assertEquals(dir.resolve("home"), Folders.home());
    }

    @Test
    void givenNothingSet_whenResolvedFromAModuleFolder_thenWalksUpToTheRepositoryFolders() {
        if (System.getenv("KERNELWISE_DATA") != null) return;
        Path data = Folders.data();
        assertEquals("data", data.getFileName().toString());
        assertTrue(Files.isDirectory(data), data.toString());
        assertTrue(Files.isRegularFile(Folders.home().resolve("scripts/fetch-data.sh")), Folders.home().toString());
    }
}
