package kernelwise.search.cli;

import kernelwise.models.compress.NetworkSpecs;
import kernelwise.models.plan.CompressionPlan;
import kernelwise.models.plan.NetworkSpec;
import kernelwise.models.zoo.ModelFileException;
import kernelwise.models.zoo.ModelZoo;
import kernelwise.models.zoo.Models;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code kernelwise plan}: writes plans by hand, without a search. */
@Command(name = "plan", mixinStandardHelpOptions = true, description = "Write a compression plan without a search.",
        subcommands = {PlanCommand.Uniform.class, PlanCommand.Magnitude.class})
public final class PlanCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a kind of plan is required (uniform, magnitude)");
    }

    /** {@code kernelwise plan uniform}: every kernel alike. */
    @Command(name = "uniform", mixinStandardHelpOptions = true,
            description = {"Write a plan with every kernel at the same weight bits and sparsity and every layer at the same",
                    "activation bits, for a zoo model's architecture or a model zip; finetune --plan reads it."})
    static final class Uniform implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--model", paramLabel = "NAME|ZIP", defaultValue = ModelZoo.DEFAULT, description = "zoo name or model zip (default: ${DEFAULT-VALUE})")
        String model;

        @Option(names = "--weight-bits", paramLabel = "B", defaultValue = "8", description = "1..8, or 32 for float (default: ${DEFAULT-VALUE})")
        int weightBits;

        @Option(names = "--activation-bits", paramLabel = "B", defaultValue = "8", description = "2..8, or 32 for float (default: ${DEFAULT-VALUE})")
        int activationBits;

        @Option(names = "--sparsity", paramLabel = "S", defaultValue = "0", description = "fraction of each kernel's weights pruned, 0..1 (default: ${DEFAULT-VALUE})")
        double sparsity;

        @Option(names = "--out", required = true, paramLabel = "FILE", description = "the plan JSON to write")
        Path out;

        @Option(names = "--force", description = "replace --out if it exists")
        boolean force;

        @Override
        public Integer call() throws IOException {
            SafeOutput output = SafeOutput.of("--out", out, force).notOnto("--model", model);
            output.check();
            CompressionPlan plan = CompressionPlan.uniform(spec(model), weightBits, activationBits, sparsity);
            output.write(f -> {
                plan.write(f);
                return null;
            });
            spec.commandLine().getOut().printf("wrote %s: %d layers, %d-bit weights, %d-bit activations, sparsity %.3f%n",
                    out, plan.size(), weightBits, activationBits, sparsity);
            spec.commandLine().getOut().flush();
            return ExitCode.OK;
        }

        /** The architecture alone: an untrained zoo network has the same layers as a trained one. */
        private static NetworkSpec spec(String model) throws IOException {
            if (ModelZoo.contains(model)) return NetworkSpecs.of(ModelZoo.create(model, 0));
            if (CliModels.isPacked(model)) throw CliException.usage("--model " + model + " is a packed .kw file; give the float model (zoo name or .zip)");
            CliModels.notAFolder(model);
            try {
                return NetworkSpecs.of(Models.load(Path.of(model)));
            } catch (NoSuchFileException e) {
                throw CliException.notFound("no such model: " + e.getFile() + " (a zoo name: " + String.join(", ", ModelZoo.names()) + ", or a .zip)");
            } catch (ModelFileException e) {
                throw new CliException(ExitCode.REFUSED, e.getMessage(), e);
            }
        }
    }

    /** {@code kernelwise plan magnitude}: per-layer density, kernels' shares read off the trained weights. */
    @Command(name = "magnitude", mixinStandardHelpOptions = true,
            description = {"Write a plan from a trained model's weights: each layer keeps the given fraction of its weights, picked",
                    "by one magnitude threshold a layer, so strong kernels keep many weights and weak ones few or none",
                    "(kernels left under --min-kept are removed and their share given to the others)."})
    static final class Magnitude implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--model", paramLabel = "NAME|ZIP", defaultValue = ModelZoo.DEFAULT, description = "trained zoo model or model zip (default: ${DEFAULT-VALUE})")
        String model;

        @Option(names = "--dataset", paramLabel = "NAME", defaultValue = "mnist", description = "the data set the zoo model was trained on (default: ${DEFAULT-VALUE})")
        String dataset;

        @Option(names = "--density", required = true, paramLabel = "D,...", split = ",", description = "per compressible layer, the fraction of weights kept, in (0, 1]")
        double[] density;

        @Option(names = "--weight-bits", required = true, paramLabel = "B,...", split = ",", description = "per compressible layer, 1..8 or 32")
        int[] weightBits;

        @Option(names = "--activation-bits", paramLabel = "B", defaultValue = "32", description = "2..8, or 32 for float (default: ${DEFAULT-VALUE})")
        int activationBits;

        @Option(names = "--min-kept", paramLabel = "N", defaultValue = "4", description = "fewest weights a kernel keeps unless removed (default: ${DEFAULT-VALUE})")
        int minKept;

        @Option(names = "--out", required = true, paramLabel = "FILE", description = "the plan JSON to write")
        Path out;

        @Option(names = "--force", description = "replace --out if it exists")
        boolean force;

        @Override
        public Integer call() throws IOException {
            if (!CompressionPlan.validActivationBits(activationBits)) throw CliException.usage("--activation-bits must be 2..8 or 32, found " + activationBits);
            SafeOutput output = SafeOutput.of("--out", out, force).notOnto("--model", model);
            output.check();
            org.deeplearning4j.nn.api.Model net = CliModels.load(model, dataset);
            CompressionPlan plan;
            try {
                plan = kernelwise.models.compress.MagnitudePlan.of(net, density, weightBits, activationBits, minKept);
            } catch (IllegalArgumentException e) {
                throw CliException.usage(e.getMessage());
            }
            output.write(f -> {
                plan.write(f);
                return null;
            });
            NetworkSpec s = NetworkSpecs.of(net);
            kernelwise.models.compress.PlanCounts counts = kernelwise.models.compress.PlanCounts.of(s, plan);
            int removed = 0;
            for (int i = 0; i < plan.size(); i++) {
                for (int k = 0; k < plan.layer(i).kernels(); k++) if (plan.layer(i).keptWeights(k, s.layer(i).fanIn()) == 0) removed++;
            }
            spec.commandLine().getOut().printf("wrote %s: %,d of %,d weights kept, %d kernels removed, weight payload %,d bytes%n",
                    out, counts.keptWeights(), s.totalWeights(), removed, (counts.storageBits() + 7) / 8);
            spec.commandLine().getOut().flush();
            return ExitCode.OK;
        }
    }
}
