package kernelwise.search.cli;

import kernelwise.models.Folders;
import kernelwise.models.data.DataMissingException;
import kernelwise.models.data.DataSplits;
import kernelwise.models.data.Datasets;
import kernelwise.models.data.IdxFormatException;

import java.io.IOException;

/** Loading a data set for a verb, with the command line's exit codes: missing files 3, corrupt files 4. */
public final class CliData {
    private CliData() {
    }

    /** Loads {@code dataset} from the resolved data folder. */
    public static DataSplits load(String dataset) throws IOException {
        if (!Datasets.names().contains(dataset)) {
            throw CliException.usage("unknown data set '" + dataset + "' (known: " + String.join(", ", Datasets.names()) + ")");
        }
        try {
            return Datasets.load(dataset, Folders.data());
        } catch (DataMissingException e) {
            throw new CliException(ExitCode.NOT_FOUND, e.getMessage(), e);
        } catch (IdxFormatException e) {
            throw new CliException(ExitCode.REFUSED, e.getMessage() + "; fetch it again with './kernelwise data fetch " + dataset + "'", e);
        }
    }
}
