package kernelwise.search.cli;

import kernelwise.models.Folders;
import kernelwise.models.data.DataFormatException;
import kernelwise.models.data.DataMissingException;
import kernelwise.models.data.DataSpec;
import kernelwise.models.data.DataSplits;
import kernelwise.models.data.Datasets;
import kernelwise.models.data.IdxFormatException;
import kernelwise.models.zoo.IncompatibleDataException;
import kernelwise.models.zoo.ModelInput;
import org.deeplearning4j.nn.api.Model;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * {@code --data SPEC} for a verb, with the command line's exit codes: a bad spec 2, missing files 3, refused files 4
 * (corrupt, inconsistent, or data the model cannot take).
 */
public final class CliData {
    /** The help text of {@code --data}. */
    public static final String HELP = "mnist, fashion-mnist or digits; or FORMAT:FILES,OPTIONS with FORMAT idx, csv, npy or dataset,"
            + " e.g. npy:x.npy+y.npy,validation=0.2,test=0.2 (see the README, 'Your own model and data')";

    private CliData() {
    }

    /** {@code text} as a spec whose paths are absolute (against the working directory); a bad spec exits 2. */
    public static DataSpec spec(String text) {
        try {
            return DataSpec.parse(text).absolute(Path.of("").toAbsolutePath());
        } catch (IllegalArgumentException e) {
            throw CliException.usage("--data " + text + ": " + e.getMessage());
        }
    }

    /** Loads the data set named {@code dataset} (a spec's text). */
    public static DataSplits load(String dataset) throws IOException {
        return load(spec(dataset));
    }

    /** Loads the data {@code spec} names. */
    public static DataSplits load(DataSpec spec) throws IOException {
        try {
            return Datasets.load(spec, Folders.data());
        } catch (DataMissingException e) {
            throw new CliException(ExitCode.NOT_FOUND, e.getMessage(), e);
        } catch (NoSuchFileException e) {
            throw new CliException(ExitCode.NOT_FOUND, "no such data file: " + e.getFile(), e);
        } catch (IdxFormatException e) {
            String fetch = spec.isNamed() ? "; fetch it again with './kernelwise data fetch " + spec + "'" : "";
            throw new CliException(ExitCode.REFUSED, e.getMessage() + fetch, e);
        } catch (DataFormatException e) {
            throw new CliException(ExitCode.REFUSED, e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCode.REFUSED, "data " + spec + ": " + e.getMessage(), e);
        }
    }

    /** The model and data as Kernelwise runs them together; data the model cannot take exits 4 naming both. */
    public static ModelInput.Bound bind(Model model, DataSplits data, String modelName) {
        try {
            return ModelInput.bind(model, data, modelName);
        } catch (IncompatibleDataException e) {
            throw new CliException(ExitCode.REFUSED, e.getMessage(), e);
        }
    }
}
