package kernelwise.search;

import java.util.Map;

/**
 * Builds {@link ToyEnv} and {@link ToyAgent} for model {@code toy}; any other model name is refused as unknown.
 * The system property {@code kernelwise.toy.episodeMillis} slows each episode down (for the kill test).
 */
public final class ToyRunFactory implements RunFactory {

    @Override
    public RunParts build(SearchConfig config) {
        if (!config.model().equals("toy")) throw new UnknownModelException("no such model: '" + config.model() + "' (toy factory knows: toy)");
        double budget = config.env().budget().fraction();
        long millis = Long.getLong("kernelwise.toy.episodeMillis", 0L);
        return new RunParts(ToyEnv.of(Samples.spec(), budget, millis), new ToyAgent(config.seed()),
                Map.of("model", "toy", "modelSha256", "none"));
    }
}
