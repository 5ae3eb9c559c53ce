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

    /** The repository root when known: property {@code kernelwise.home}, else the walk-up folder holding {@code scripts/}. */
    public static Path home() {
        String home = System.getProperty("kernelwise.home");
        if (home != null && !home.isBlank()) return Path.of(home).toAbsolutePath().normalize();
        String env = System.getenv("KERNELWISE_HOME");
        if (env != null && !env.isBlank()) return Path.of(env).toAbsolutePath().normalize();
        return resolve("kernelwise.home.unused", "KERNELWISE_HOME.unused", "scripts").getParent();
    }

    static Path resolve(String property, String envVariable, String folder) {
        String p = System.getProperty(property);
        if (p != null && !p.isBlank()) return Path.of(p).toAbsolutePath().normalize();
        String e = System.getenv(envVariable);
        if (e != null && !e.isBlank()) return Path.of(e).toAbsolutePath().normalize();
        String home = System.getProperty("kernelwise.home");
        if (home != null && !home.isBlank()) return Path.of(home, folder).toAbsolutePath().normalize();
        Path cwd = Path.of(System.getProperty("user.dir")).toAbsolutePath().normalize();
        for (Path d = cwd; d != null; d = d.getParent()) {
            if (Files.isDirectory(d.resolve(folder))) return d.resolve(folder);
        }
        return cwd.resolve(folder);
    }
}
