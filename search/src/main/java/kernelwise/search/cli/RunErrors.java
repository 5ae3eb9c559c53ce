package kernelwise.search.cli;

import kernelwise.models.data.DataMissingException;
import kernelwise.models.data.IdxFormatException;
import kernelwise.models.zoo.ModelFileException;
import kernelwise.search.RunMismatchException;

import java.util.concurrent.Callable;

/** Runs a search verb's work, mapping missing data to exit code 3; corrupt data or model files, or a changed model, to 4. */
final class RunErrors {
    private RunErrors() {
    }

    static <T> T mapped(Callable<T> work) throws Exception {
        try {
            return work.call();
        } catch (DataMissingException e) {
            throw new CliException(ExitCode.NOT_FOUND, e.getMessage(), e);
        } catch (IdxFormatException | ModelFileException | RunMismatchException e) {
            throw new CliException(ExitCode.REFUSED, e.getMessage(), e);
        }
    }
}
