package kernelwise.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import kernelwise.agents.Agent;
import kernelwise.agents.AgentConfig;
import kernelwise.agents.Agents;
import kernelwise.env.CompressionEnv;
import kernelwise.env.EnvConfig;
import kernelwise.env.budget.Budget;
import kernelwise.env.hardware.HardwareModels;
import kernelwise.env.reward.RewardMode;
import kernelwise.models.Folders;
import kernelwise.models.Provenance;
import kernelwise.models.data.DataSplits;
import kernelwise.models.data.Datasets;
import kernelwise.models.plan.NetworkSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The real parts: the data splits, a zoo model (trained on first use) or a model zip, the compression environment
 * scoring plans on the first {@link SearchConfig#evalImages()} search-validation images with one working copy per
 * core, and the agent.
 */
public final class ZooRunFactory implements RunFactory {
    private static final Logger log = LoggerFactory.getLogger(ZooRunFactory.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public SearchConfig resolve(SearchConfig c) throws IOException {
        ModelSource.check(c.model());
        // Read the hardware parameters now: a missing or bad file must stop the run before a model is trained or loaded.
        if (c.hardwareParams() != null) HardwareModels.byName(c.hardware(), Path.of(c.hardwareParams()));
        try {
            JsonNode env = c.envConfig() != null ? c.envConfig() : JSON.readTree(envConfig(c).toJson());
            JsonNode agent = c.agentConfig() != null ? c.agentConfig() : JSON.readTree(new AgentConfig().toJson());
            return c.withParts(env, agent);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("env or agent configuration could not be read back as JSON", e);
        }
    }

    /** The env configuration the search options describe; unknown hardware or a bad budget are refused here. */
    static EnvConfig envConfig(SearchConfig c) {
        EnvConfig d = EnvConfig.defaults();
        RewardMode mode = c.rewardMode();
        return new EnvConfig(c.hardware(), c.hardwareParams(), Budget.parse(c.budget()), mode, c.maxAccuracyLoss(), Agents.wantsKernelSteps(c.agent()),
                d.weightBits(), d.activationBits(), d.sparsityLevels(), 0, c.evalImages(), d.calibrationSamples());
    }

    @Override
    public RunParts build(SearchConfig requested) throws IOException {
        SearchConfig c = resolve(requested);
        EnvConfig envCfg = EnvConfig.fromJson(c.envConfig().toString());
        AgentConfig agentCfg = AgentConfig.fromJson(c.agentConfig().toString());
        DataSplits data = Datasets.load(c.dataset(), Folders.data());
        ModelSource.Loaded model = ModelSource.load(c.model(), data);
        long t0 = System.nanoTime();
        CompressionEnv env = CompressionEnv.create(model.network(), data, envCfg);
        NetworkSpec spec = env.spec();
        log.info("env ready in {} s: {} compressible layers, {} kernels, baseline accuracy {} on {} validation images",
                Math.round((System.nanoTime() - t0) / 1e8) / 10.0, spec.size(), spec.totalKernels(), env.baselineAccuracy(), c.evalImages());
        Agent agent = Agents.create(c.agent(), agentCfg, env, c.seed());
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
