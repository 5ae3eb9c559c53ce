package kernelwise.search.cli;

import kernelwise.models.compress.ActivationRanges;
import kernelwise.models.export.KwFile;
import kernelwise.models.plan.CompressionPlan;
import org.deeplearning4j.nn.api.Model;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/** Writes a trained network as a packed {@code .kw} file ({@link KwFile}) and returns its size. */
final class PackedSize {

    private PackedSize() {
    }

    /** @return the file's size in bytes */
    static long write(Model model, CompressionPlan plan, ActivationRanges ranges, Map<String, ?> source, Path file) throws IOException {
        return KwFile.write(model, plan, ranges, source, file);
    }
}
