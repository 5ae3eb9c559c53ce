package kernelwise.search.cli;

import kernelwise.models.data.DataMissingException;
import kernelwise.models.data.DataFormatException;
import kernelwise.models.zoo.IncompatibleDataException;
import kernelwise.models.zoo.ModelFileException;
import kernelwise.search.RunMismatchException;

import java.util.concurrent.Callable;

/**
 * Runs a search verb's work, mapping missing data to exit code 3; corrupt or inconsistent data or model files, data the
 * model cannot take, or a changed model, to 4.
 */
final class RunErrors {
    private RunErrors() {
    }

    static <T> T mapped(Callable<T> work) throws Exception {
        try {
            return work.call();
        } catch (DataMissingException | kernelwise.search.UnknownModelException e) {
            throw new CliException(ExitCode.NOT_FOUND, e.getMessage(), e);
        } catch (DataFormatException | IncompatibleDataException | ModelFileException | RunMismatchException | kernelwise.search.RunFolder.TakenException e) {
            throw new CliException(ExitCode.REFUSED, e.getMessage(), e);
        }
    }
}
