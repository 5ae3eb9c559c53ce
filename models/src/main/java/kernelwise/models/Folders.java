package kernelwise.models;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the data and results folders are. Each is looked up in this order: a system property, an environment
 * variable, {@code ${kernelwise.home}/<folder>} (the launcher sets {@code kernelwise.home}), else the first folder
 * named {@code <folder>} found walking up from the working directory (so module tests find the repository's).
 */
public final class Folders {
    private Folders() {
    }

    /** The data folder: property {@code kernelwise.data}, env {@code KERNELWISE_DATA}, home, or walk up to {@code data/}. */
    public static Path data() {
        return resolve("kernelwise.data", "KERNELWISE_DATA", "data");
    }

    /** The results folder: property {@code kernelwise.results}, env {@code KERNELWISE_RESULTS}, home, or walk up. */
    public static Path results() {
        return resolve("kernelwise.results", "KERNELWISE_RESULTS", "results");
    }

    /**
     * The repository root: property {@code kernelwise.home}, else env {@code KERNELWISE_HOME}, else the first folder
     * holding {@code scripts/fetch-data.sh} walking up from the working directory, else the working directory.
     */
    public static Path home() {
        String p = System.getProperty("kernelwise.home");
        if (p != null && !p.isBlank()) return Path.of(p).toAbsolutePath().normalize();
        String e = System.getenv("KERNELWISE_HOME");
        if (e != null && !e.isBlank()) return Path.of(e).toAbsolutePath().normalize();
        Path cwd = workingDirectory();
        for (Path d = cwd; d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve("scripts/fetch-data.sh"))) return d;
        }
        return cwd;
    }

    static Path resolve(String property, String envVariable, String folder) {
        String p = System.getProperty(property);
        if (p != null && !p.isBlank()) return Path.of(p).toAbsolutePath().normalize();
        String e = System.getenv(envVariable);
        if (e != null && !e.isBlank()) return Path.of(e).toAbsolutePath().normalize();
        String home = System.getProperty("kernelwise.home");
        if (home != null && !home.isBlank()) return Path.of(home, folder).toAbsolutePath().normalize();
        Path cwd = workingDirectory();
        for (Path d = cwd; d != null; d = d.getParent()) {
            if (Files.isDirectory(d.resolve(folder))) return d.resolve(folder);
        }
        return cwd.resolve(folder);
    }

    private static Path workingDirectory() {
        return Path.of(System.getProperty("user.dir")).toAbsolutePath().normalize();
    }
}
