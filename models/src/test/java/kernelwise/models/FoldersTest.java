package kernelwise.models;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The folders' resolution order, on given properties, environment and working directory (not this JVM's). */
class FoldersTest {
    @TempDir
    Path dir;
    private final Map<String, String> properties = new HashMap<>();
    private final Map<String, String> env = new HashMap<>();
    private Path cwd;

    @BeforeEach
    void repository() throws IOException {
        Files.createDirectories(dir.resolve("repo/data"));
        Files.createDirectories(dir.resolve("repo/scripts"));
        Files.writeString(dir.resolve("repo/scripts/fetch-data.sh"), "");
        cwd = Files.createDirectories(dir.resolve("repo/models/target"));
    }

    private Folders.Lookup lookup() {
        return new Folders.Lookup(properties::get, env::get, cwd);
    }

    private Path data() {
        return Folders.resolve(lookup(), "kernelwise.data", "KERNELWISE_DATA", "data");
    }

    @Test
    void givenEachSettingInTurn_whenResolved_thenPropertyBeatsEnvironmentBeatsHomeBeatsTheWalkUp() {
        assertEquals(dir.resolve("repo/data"), data(), "nothing set: the first data/ walking up");
        properties.put("kernelwise.home", dir.resolve("home").toString());
        assertEquals(dir.resolve("home/data"), data());
        env.put("KERNELWISE_DATA", dir.resolve("from-env").toString());
        assertEquals(dir.resolve("from-env"), data());
        properties.put("kernelwise.data", dir.resolve("from-property").toString());
        assertEquals(dir.resolve("from-property"), data());
        properties.put("kernelwise.data", " ");
        assertEquals(dir.resolve("from-env"), data(), "a blank setting counts as unset");
    }

    @Test
    void givenNoFolderAbove_whenResolved_thenTheWorkingDirectorysOwn() throws IOException {
        cwd = Files.createDirectories(dir.resolve("elsewhere"));
        String folder = "results-" + dir.getFileName();                 // a name no folder above has
        assertEquals(cwd.resolve(folder), Folders.resolve(lookup(), "kernelwise.results", "KERNELWISE_RESULTS", folder));
        assertEquals(cwd, Folders.home(lookup()));
    }

    @Test
    void givenTheHomeSettings_whenResolved_thenPropertyBeatsEnvironmentBeatsTheFetchScriptWalkUp() {
        assertEquals(dir.resolve("repo"), Folders.home(lookup()));
        env.put("KERNELWISE_HOME", dir.resolve("env-home").toString());
        assertEquals(dir.resolve("env-home"), Folders.home(lookup()));
        properties.put("kernelwise.home", dir.resolve("property-home").toString());
        assertEquals(dir.resolve("property-home"), Folders.home(lookup()));
    }
}
