package kernelwise.agents.baseline;

/**
 * The evolutionary baseline: keep the best plans found so far, mutate them.
 *
 * @param population      plans kept (the top-k by extrinsic reward)
 * @param randomEpisodes  episodes of random plans before mutation starts (at least 1)
 * @param kernelRate      probability that a kernel's bits and sparsity are mutated
 * @param layerRate       probability that a layer's activation bits, or all its kernels at once, are shifted
 * @param sparsityStep    width of a sparsity mutation (normal)
 * @param minBits         smallest weight and activation bits drawn
 * @param maxBits         largest weight and activation bits drawn (at most 8)
 * @param maxSparsity     largest sparsity drawn, in [0,1]
 */
public record EvolutionConfig(int population, int randomEpisodes, double kernelRate, double layerRate,
                              double sparsityStep, int minBits, int maxBits, double maxSparsity) {

    public EvolutionConfig {
        if (population <= 0) throw new IllegalArgumentException("population must be positive, found " + population);
        if (randomEpisodes <= 0) throw new IllegalArgumentException("randomEpisodes must be positive, found " + randomEpisodes);
        if (!(kernelRate >= 0 && kernelRate <= 1)) throw new IllegalArgumentException("kernelRate must be in [0,1], found " + kernelRate);
        if (!(layerRate >= 0 && layerRate <= 1)) throw new IllegalArgumentException("layerRate must be in [0,1], found " + layerRate);
        if (!(sparsityStep >= 0)) throw new IllegalArgumentException("sparsityStep must be >= 0, found " + sparsityStep);
        if (minBits < 2 || minBits > maxBits || maxBits > 8) {
            throw new IllegalArgumentException("bits range must satisfy 2 <= minBits <= maxBits <= 8, found " + minBits + ".." + maxBits);
        }
        if (!(maxSparsity >= 0 && maxSparsity <= 1)) throw new IllegalArgumentException("maxSparsity must be in [0,1], found " + maxSparsity);
    }

    public static EvolutionConfig defaults() {
        return new EvolutionConfig(8, 10, 0.1, 0.3, 0.1, 2, 8, 0.9);
    }
}
