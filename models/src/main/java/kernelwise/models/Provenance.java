package kernelwise.models;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Properties;

/**
 * Where and with what a result was made: library, JVM and OS versions and the time. Stored with every trained
 * model and every run.
 *
 * @param dl4jVersion deeplearning4j-nn version
 * @param nd4jVersion nd4j-api version
 * @param javaVersion {@code java.version}
 * @param javaVm      VM name and vendor
 * @param os          OS name, version and architecture
 * @param cores       available processors
 * @param time        capture time, ISO-8601 UTC
 */
public record Provenance(String dl4jVersion, String nd4jVersion, String javaVersion, String javaVm, String os,
                         int cores, String time) {

    /** The provenance of this process now. */
    public static Provenance capture() {
        return new Provenance(
                mavenVersion("org.deeplearning4j", "deeplearning4j-nn"),
                mavenVersion("org.nd4j", "nd4j-api"),
                System.getProperty("java.version"),
                System.getProperty("java.vm.name") + " (" + System.getProperty("java.vm.vendor") + ")",
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                Runtime.getRuntime().availableProcessors(),
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    }

    /** The version of a Maven artifact on the class path, from its pom.properties, or "unknown". */
    static String mavenVersion(String group, String artifact) {
        String res = "/META-INF/maven/" + group + "/" + artifact + "/pom.properties";
        try (InputStream in = Provenance.class.getResourceAsStream(res)) {
            if (in == null) return "unknown";
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
