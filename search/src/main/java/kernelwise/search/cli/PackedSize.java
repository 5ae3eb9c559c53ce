package kernelwise.search.cli;

import kernelwise.models.plan.CompressionPlan;
import org.deeplearning4j.nn.api.Model;

import java.io.IOException;
import java.nio.file.Path;

/** Writes a trained network as a packed {@code .kw} file and returns its size in bytes. */
final class PackedSize {

    private PackedSize() {
    }

    /**
     * @return the file's size, or -1 when this build has no packed exporter (the compression core's {@code KwFile}
     *         has not been merged yet); the table then shows the ratio of the {@code KernelStorage} payload
     */
    static long write(Model model, CompressionPlan plan, Path file) throws IOException {
        return -1;
    }
}
