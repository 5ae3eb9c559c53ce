package kernelwise.models;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * Where the data and results folders are. Each is looked up in this order: a system property, an environment
 * variable, {@code ${kernelwise.home}/<folder>} (the launcher sets {@code kernelwise.home}), else the first folder
 * named {@code <folder>} found walking up from the working directory (so module tests find the repository's).
 */
public final class Folders {
    private Folders() {
    }

    /** What a lookup reads: system properties, environment variables and the working directory (tests give their own). */
    record Lookup(UnaryOperator<String> property, UnaryOperator<String> variable, Path workingDirectory) {
        static Lookup system() {
            return new Lookup(System::getProperty, System::getenv, Path.of(System.getProperty("user.dir")).toAbsolutePath().normalize());
        }

        /** Property {@code property}, else variable {@code variable} (if not null), as an absolute path; null when neither is set. */
        Path setting(String property, String variable) {
            String v = present(this.property.apply(property));
            if (v == null && variable != null) v = present(this.variable.apply(variable));
            return v == null ? null : Path.of(v).toAbsolutePath().normalize();
        }

        private static String present(String s) {
            return s == null || s.isBlank() ? null : s;
        }
    }

    /** The data folder: property {@code kernelwise.data}, env {@code KERNELWISE_DATA}, home, or walk up to {@code data/}. */
    public static Path data() {
        return resolve(Lookup.system(), "kernelwise.data", "KERNELWISE_DATA", "data");
    }

    /** The results folder: property {@code kernelwise.results}, env {@code KERNELWISE_RESULTS}, home, or walk up. */
    public static Path results() {
        return resolve(Lookup.system(), "kernelwise.results", "KERNELWISE_RESULTS", "results");
    }

    /**
     * The repository root: property {@code kernelwise.home}, else env {@code KERNELWISE_HOME}, else the first folder
     * holding {@code scripts/fetch-data.sh} walking up from the working directory, else the working directory.
     */
    public static Path home() {
        return home(Lookup.system());
    }

    static Path home(Lookup in) {
        Path set = in.setting("kernelwise.home", "KERNELWISE_HOME");
        if (set != null) return set;
        for (Path d = in.workingDirectory(); d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve("scripts/fetch-data.sh"))) return d;
        }
        return in.workingDirectory();
    }

    static Path resolve(Lookup in, String property, String variable, String folder) {
        Path set = in.setting(property, variable);
        if (set != null) return set;
        Path home = in.setting("kernelwise.home", null);
        if (home != null) return home.resolve(folder);
        for (Path d = in.workingDirectory(); d != null; d = d.getParent()) {
            if (Files.isDirectory(d.resolve(folder))) return d.resolve(folder);
        }
        return in.workingDirectory().resolve(folder);
    }
}
