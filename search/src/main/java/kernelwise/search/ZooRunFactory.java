package kernelwise.search;

import kernelwise.agents.Agent;
import kernelwise.agents.Agents;
import kernelwise.env.CompressionEnv;
import kernelwise.env.hardware.HardwareModel;
import kernelwise.models.Folders;
import kernelwise.models.Provenance;
import kernelwise.models.data.DataSplits;
import kernelwise.models.data.Datasets;
import kernelwise.models.plan.NetworkSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The real parts: the data splits, a zoo model (trained on first use) or a model zip, the compression environment
 * its {@link SearchConfig#env()} describes, and the agent.
 */
public final class ZooRunFactory implements RunFactory {
    private static final Logger log = LoggerFactory.getLogger(ZooRunFactory.class);

    @Override
    public RunParts build(SearchConfig c) throws IOException {
        ModelSource.check(c.model());
        HardwareModel hw = c.env().hardwareModel();
        DataSplits data = Datasets.load(c.dataset(), Folders.data());
        int available = data.validation().numExamples();
        if (c.env().evalSamples() > available) {
            throw new IllegalArgumentException("eval images must be at most the " + available + " search-validation images of "
                    + c.dataset() + ", found " + c.env().evalSamples());
        }
        ModelSource.Loaded model = ModelSource.load(c.model(), data);
        long t0 = System.nanoTime();
        CompressionEnv env = CompressionEnv.create(model.network(), data, c.env(), hw);
        NetworkSpec spec = env.spec();
        log.info("env ready in {} s: {} compressible layers, {} kernels, baseline accuracy {} on {} validation images",
                Math.round((System.nanoTime() - t0) / 1e8) / 10.0, spec.size(), spec.totalKernels(), env.baselineAccuracy(), c.env().evalSamples());
        Agent agent = Agents.create(c.agent(), c.agentConfig(), env, c.seed());
        return new RunParts(env, agent, provenance(model, data, spec, env));
    }

    private static Map<String, Object> provenance(ModelSource.Loaded model, DataSplits data, NetworkSpec spec, CompressionEnv env) {
        Map<String, Object> p = new LinkedHashMap<>(model.provenance());
        p.put("network", spec.fingerprint());
        p.put("baselineAccuracy", env.baselineAccuracy());
        var ref = env.referenceCost();
        p.put("referenceCost8bit", Map.of("hardware", ref.hardware(), "cycles", ref.cycles(), "energyPj", ref.energyPj(),
                "storageBits", ref.storageBits()));
        p.put("datasetSha256", data.sha256());
        p.put("libraries", Provenance.capture());
        return p;
    }
}
