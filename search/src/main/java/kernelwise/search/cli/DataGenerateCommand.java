package kernelwise.search.cli;

import kernelwise.models.data.SyntheticData;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code kernelwise data generate images|tabular --out DIR}: a small learnable data set in every format Kernelwise reads. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Write a small generated data set with a learnable signal into a folder, in every format Kernelwise reads,",
                "and print a --data spec for each: images (3x32x32, 4 classes; npy, DataSet file, IDX) or tabular (12 features,",
                "3 named classes; csv, npy, DataSet file). Files of the same names in the folder are replaced only with --force."})
public final class DataGenerateCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Most examples generated: 500,000 images are 6 GB of floats, in one Java array (at most 2^31 - 1 elements, 699,050 images). */
    static final int MAX_N = 500_000;

    @Parameters(paramLabel = "KIND", description = "images or tabular")
    String kind;

    @Option(names = "--n", paramLabel = "N", defaultValue = "600", description = "examples, 10..500000 (default: ${DEFAULT-VALUE})")
    int n;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "the folder to write into (not results/models or results/bench)")
    Path out;

    @Option(names = "--force", description = "replace files of the same names in --out")
    boolean force;

    @Override
    public Integer call() throws Exception {
        if (!SyntheticData.KINDS.contains(kind)) throw CliException.usage("kind must be one of " + SyntheticData.KINDS + ", found '" + kind + "'");
        if (n < 10 || n > MAX_N) throw CliException.usage("--n must be 10.." + MAX_N + ", found " + n);
        SafeOutput.checkFilesIn("--out", out, SyntheticData.fileNames(kind), force);
        Map<String, String> specs = SyntheticData.write(kind, n, seed, out);
        PrintWriter w = spec.commandLine().getOut();
        w.printf("wrote %d %s examples into %s; read them with:%n", n, kind, out);
        specs.forEach((format, s) -> w.printf("  --data %s%n", s));
        w.flush();
        return ExitCode.OK;
    }
}
