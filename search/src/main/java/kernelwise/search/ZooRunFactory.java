package kernelwise.search;

import kernelwise.agents.Agent;
import kernelwise.agents.Agents;
import kernelwise.env.CompressionEnv;
import kernelwise.env.hardware.HardwareModel;
import kernelwise.models.Folders;
import kernelwise.models.Provenance;
import kernelwise.models.data.DataSplits;
import kernelwise.models.data.DataSpec;
import kernelwise.models.data.Datasets;
import kernelwise.models.zoo.ModelInput;
import kernelwise.models.plan.NetworkSpec;
import org.deeplearning4j.nn.api.Model;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The real parts: the data splits its {@link SearchConfig#data()} names (or splits handed over from Java), a zoo
 * model (trained on first use) or a model file, bound to the data ({@link ModelInput#bind}: a shape or class count
 * the model cannot take is refused before any work), the compression environment its {@link SearchConfig#env()}
 * describes, and the agent.
 */
public final class ZooRunFactory implements RunFactory {
    private static final Logger log = LoggerFactory.getLogger(ZooRunFactory.class);

    private final DataSplits given;
    private kernelwise.models.train.TrainListener trainingProgress = new kernelwise.models.train.TrainListener() { };

    /** Reads each run's data from its spec (named sets in the data folder, or the files the spec names). */
    public ZooRunFactory() {
        this.given = null;
    }

    /** Tells {@code progress} of the training of a zoo model not yet trained (the command line shows it); returns this. */
    public ZooRunFactory trainingProgress(kernelwise.models.train.TrainListener progress) {
        this.trainingProgress = java.util.Objects.requireNonNull(progress, "progress");
        return this;
    }

    /**
     * Runs on {@code splits} handed over from Java (e.g. {@link DataSplits#fromIterators}); the configurations it
     * builds must name them {@code java:<splits.name()>} ({@link DataSpec#java}).
     */
    public ZooRunFactory(DataSplits splits) {
        if (splits == null) throw new IllegalArgumentException("splits must not be null");
        this.given = splits;
    }

    private DataSplits data(SearchConfig c) throws IOException {
        if (given == null) return Datasets.load(c.data(), Folders.data());
        if (!c.data().equals(DataSpec.java(given.name()))) {
            throw new IllegalArgumentException("this run factory holds the splits java:" + given.name() + ", the run asks for data " + c.data());
        }
        return given;
    }

    @Override
    public RunParts build(SearchConfig c) throws IOException {
        ModelSource.check(c.model());
        HardwareModel hw = c.env().hardwareModel();
        DataSplits data = data(c);
        int available = data.validation().numExamples();
        if (c.env().evalSamples() > available) {
            log.info("{} has {} search-validation examples, fewer than the {} asked for: the search scores all of them", data.name(),
                    available, c.env().evalSamples());
        }
        ModelSource.Loaded model = ModelSource.load(c.model(), data, trainingProgress);
        ModelInput.Bound bound = ModelInput.bind(model.network(), data, c.model());
        long t0 = System.nanoTime();
        CompressionEnv env = CompressionEnv.create(bound.network(), bound.data(), c.env(), hw);
        NetworkSpec spec = env.spec();
        log.info("env ready in {} s: {} compressible layers, {} kernels, baseline accuracy {} on {} validation images",
                Math.round((System.nanoTime() - t0) / 1e8) / 10.0, spec.size(), spec.totalKernels(), env.baselineAccuracy(), Math.min(available, c.env().evalSamples()));
        Agent agent = Agents.create(c.agent(), c.agentConfig(), env, c.seed());
        Map<String, Object> p = provenance(model, data, spec, env);
        p.put("layersKeptInFloat", kernelwise.models.zoo.NetworkLayers.keptInFloat(bound.network()));
        p.put("recoveryApplied", CompressionEnv.appliedRecovery(bound.network(), c.env()).name());
        return new RunParts(env, agent, p);
    }

    /**
     * The network a run of {@code model} on {@code data} compresses (a zoo model, trained and stored on first use, or a
     * model file), bound to the data's shape: what a benchmark fine-tunes the search's plans on.
     */
    public static Model network(String model, DataSplits data) throws IOException {
        ModelSource.check(model);
        return ModelInput.bind(ModelSource.load(model, data).network(), data, model).network();
    }

    private static Map<String, Object> provenance(ModelSource.Loaded model, DataSplits data, NetworkSpec spec, CompressionEnv env) {
        Map<String, Object> p = new LinkedHashMap<>(model.provenance());
        p.put("network", spec.fingerprint());
        p.put("baselineAccuracy", env.baselineAccuracy());
        var ref = env.referenceCost();
        p.put("referenceCost8bit", Map.of("hardware", ref.hardware(), "cycles", ref.cycles(), "energyPj", ref.energyPj(),
                "storageBits", ref.storageBits()));
        p.put("datasetSha256", data.sha256());
        p.put("dataShape", data.shape().toString());
        p.put("dataClasses", data.classes());
        p.put("libraries", Provenance.capture());
        return p;
    }
}
