package kernelwise.models.data;

import java.io.IOException;
import java.nio.file.Path;

/** A data set file that is not on disk; the one-line message names the file and the command that fetches it. */
public class DataMissingException extends IOException {
    private final Path file;

    public DataMissingException(Path file, String dataset) {
        super("missing data file " + file + "; fetch it with './kernelwise data fetch " + dataset
                + "' or 'scripts/fetch-data.sh " + dataset + "'");
        this.file = file;
    }

    /** The missing file. */
    public Path file() {
        return file;
    }
}
