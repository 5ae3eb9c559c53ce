package kernelwise.agents.baseline;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The evolutionary baseline: keep the best action sequences found so far, mutate them.
 *
 * @param population     sequences kept (the top-k by extrinsic reward)
 * @param randomEpisodes episodes of random sequences before mutation starts (at least 1)
 * @param kernelRate     probability that a kernel's LOW action is mutated
 * @param layerRate      probability that a layer's HIGH action is mutated
 * @param step           width of a mutation: the standard deviation of the normal step added to an action (in [0,1] units)
 */
@JsonIgnoreProperties({"sparsityStep", "minBits", "maxBits", "maxSparsity"})   // fields of the plan-space mutator stored by earlier runs
public record EvolutionConfig(int population, int randomEpisodes, double kernelRate, double layerRate, double step) {

    public EvolutionConfig {
        if (population <= 0) throw new IllegalArgumentException("population must be positive, found " + population);
        if (randomEpisodes <= 0) throw new IllegalArgumentException("randomEpisodes must be positive, found " + randomEpisodes);
        if (!(kernelRate >= 0 && kernelRate <= 1)) throw new IllegalArgumentException("kernelRate must be in [0,1], found " + kernelRate);
        if (!(layerRate >= 0 && layerRate <= 1)) throw new IllegalArgumentException("layerRate must be in [0,1], found " + layerRate);
        if (step == 0) step = 0.1;   // absent in configurations stored before it existed
        if (!(step > 0 && step <= 1)) throw new IllegalArgumentException("step must be in (0,1], found " + step);
    }

    public static EvolutionConfig defaults() {
        return new EvolutionConfig(8, 10, 0.1, 0.3, 0.1);
    }
}
