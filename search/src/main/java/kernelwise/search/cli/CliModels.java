package kernelwise.search.cli;

import kernelwise.models.Folders;
import kernelwise.models.export.KwFile;
import kernelwise.models.export.KwFormatException;
import kernelwise.models.plan.CompressionPlan;
import kernelwise.models.train.ModelStore;
import kernelwise.models.zoo.ModelFileException;
import kernelwise.models.zoo.ModelZoo;
import kernelwise.models.zoo.Models;
import org.deeplearning4j.nn.api.Model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Resolving {@code --model} and {@code --plan} for the compression verbs, with the command line's exit codes. */
final class CliModels {
    private CliModels() {
    }

    /** Refuses (exit 2) a model given as a folder, which would otherwise be "no such model". */
    static void notAFolder(String model) {
        if (!ModelZoo.contains(model) && Files.isDirectory(Path.of(model))) {
            throw CliException.usage("--model " + model + " is a folder; give the model file (a DL4J .zip, a Keras .h5 or a packed .kw) or a zoo name");
        }
    }

    /** Whether {@code model} names a packed {@code .kw} file. */
    static boolean isPacked(String model) {
        return model.endsWith(".kw");
    }

    /**
     * A float network: a zoo name means the trained model stored in results/models for the data set named
     * {@code dataset}; anything else is a DL4J model zip or a Keras HDF5 file.
     */
    static Model load(String model, String dataset) throws IOException {
        if (isPacked(model)) throw CliException.usage("--model " + model + " is a packed .kw file; this verb needs a float model (zoo name or .zip)");
        notAFolder(model);
        try {
            if (ModelZoo.contains(model)) {
                ModelStore store = ModelStore.inResults(Folders.results());
                if (!Files.isRegularFile(store.zipOf(model, dataset))) {
                    throw CliException.notFound("no trained " + model + " for " + dataset + " in " + store.dir()
                            + "; train it with './kernelwise train --model " + model + " --data " + dataset + "'");
                }
                return store.load(model, dataset).network();
            }
            return Models.load(Path.of(model));
        } catch (ModelFileException e) {
            throw new CliException(ExitCode.REFUSED, e.getMessage(), e);
        } catch (NoSuchFileException e) {
            throw CliException.notFound("no such model: " + e.getFile() + " (a zoo name: " + String.join(", ", ModelZoo.names()) + ", a DL4J .zip or a Keras .h5)");
        }
    }

    /** A packed model, refused with exit code 4 when corrupt. */
    static KwFile.Packed loadPacked(String model) throws IOException {
        notAFolder(model);
        try {
            return KwFile.read(Path.of(model));
        } catch (KwFormatException e) {
            throw new CliException(ExitCode.REFUSED, e.getMessage(), e);
        } catch (NoSuchFileException e) {
            throw CliException.notFound("no such packed model: " + e.getFile());
        }
    }

    /**
     * A plan file: a folder is exit 2, a missing file 3, and anything that is not a valid plan 4 (not UTF-8 text, not JSON,
     * {@code null}, a null layer, bits that are not whole numbers), each naming the file and what is wrong.
     */
    static CompressionPlan plan(Path file) throws IOException {
        if (Files.isDirectory(file)) throw CliException.usage("--plan " + file + " is a folder, not a plan file");
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw CliException.notFound("no such plan file: " + e.getFile());
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new CliException(ExitCode.REFUSED, file + ": not a plan file (not UTF-8 text)", e);
        }
        String problem = PlanShape.problem(text);
        if (problem != null) throw new CliException(ExitCode.REFUSED, file + ": not a valid plan: " + problem);
        try {
            return CompressionPlan.fromJson(text);
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCode.REFUSED, file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Refuses (exit 4) a plan that does not fit the network, naming the first mismatch; a plan whose layers fit but
     * that was written for another network (its fingerprint names other layer shapes) is refused too.
     */
    static void checkPlan(CompressionPlan plan, kernelwise.models.plan.NetworkSpec spec) {
        try {
            plan.checkAgainst(spec);
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCode.REFUSED, "plan does not fit the model: " + e.getMessage(), e);
        }
        if (!plan.network().equals(spec.fingerprint())) {
            throw new CliException(ExitCode.REFUSED, "plan does not fit the model: it was written for network '" + plan.network()
                    + "', the model is '" + spec.fingerprint() + "'");
        }
    }

    /** Test accuracy of a packed model as {@code evaluate} measures it: its stored weights and activation ranges. */
    static double accuracy(KwFile.Packed packed, org.nd4j.linalg.dataset.DataSet test) {
        kernelwise.models.compress.QuantizedNetwork net = kernelwise.models.compress.QuantizedNetwork.of(packed.network());
        net.setActivationQuant(packed.ranges().quants(packed.plan()));
        return new kernelwise.models.compress.Accuracy(test, kernelwise.models.compress.FastPlanScorer.DEFAULT_BATCH).of(net);
    }
}
