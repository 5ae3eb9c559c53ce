package kernelwise.search;

import kernelwise.agents.Agent;
import kernelwise.env.HierarchicalEnv;

import java.util.Map;

/**
 * What a run plays with: the environment, a freshly built agent, and where they came from.
 *
 * @param env        the environment (closed with the parts if it is {@link AutoCloseable})
 * @param agent      the agent, as built from the config and seed (a resumed run restores its state)
 * @param provenance model and dataset checksums, versions and anything else worth recording, as JSON-able values
 */
public record RunParts(HierarchicalEnv env, Agent agent, Map<String, Object> provenance) implements AutoCloseable {

    public RunParts {
        if (env == null || agent == null) throw new IllegalArgumentException("env and agent must not be null");
        provenance = Map.copyOf(provenance);
    }

    @Override
    public void close() throws Exception {
        if (env instanceof AutoCloseable c) c.close();
    }
}
