package kernelwise.agents.dqn;

/**
 * RL4J DQN baseline settings, mapped onto {@code QLearningConfiguration} and {@code DQNDenseNetworkConfiguration}.
 *
 * @param hidden          units per hidden layer
 * @param layers          hidden layers
 * @param learningRate    Adam learning rate
 * @param batchSize       transitions per gradient step
 * @param replayCapacity  experience replay size
 * @param targetUpdate    steps between hard target-network updates
 * @param gamma           discount
 * @param epsilonSteps    steps over which epsilon decays from 1 to {@code minEpsilon}
 * @param minEpsilon      final exploration rate
 * @param warmupSteps     steps of random actions before learning
 * @param rewardFactor    RL4J's reward scaling
 * @param maxEpisodeSteps RL4J's cap on one episode's steps
 * @param sparsityChoices sparsity levels the discrete view offers (evenly spaced among the env's), with every
 *                        weight-bit level: the action space has {@code weightLevels * sparsityChoices} actions
 */
public record DqnConfig(int hidden, int layers, double learningRate, int batchSize, int replayCapacity,
                        int targetUpdate, double gamma, int epsilonSteps, double minEpsilon, int warmupSteps,
                        double rewardFactor, int maxEpisodeSteps, int sparsityChoices) {

    public DqnConfig {
        if (hidden <= 0) throw new IllegalArgumentException("hidden must be positive, found " + hidden);
        if (layers <= 0) throw new IllegalArgumentException("layers must be positive, found " + layers);
        if (!(learningRate > 0)) throw new IllegalArgumentException("learningRate must be positive, found " + learningRate);
        if (batchSize <= 0) throw new IllegalArgumentException("batchSize must be positive, found " + batchSize);
        if (replayCapacity < batchSize) throw new IllegalArgumentException("replayCapacity must be >= batchSize " + batchSize + ", found " + replayCapacity);
        if (targetUpdate <= 0) throw new IllegalArgumentException("targetUpdate must be positive, found " + targetUpdate);
        if (!(gamma >= 0 && gamma <= 1)) throw new IllegalArgumentException("gamma must be in [0,1], found " + gamma);
        if (epsilonSteps <= 0) throw new IllegalArgumentException("epsilonSteps must be positive, found " + epsilonSteps);
        if (!(minEpsilon >= 0 && minEpsilon <= 1)) throw new IllegalArgumentException("minEpsilon must be in [0,1], found " + minEpsilon);
        if (warmupSteps < 0) throw new IllegalArgumentException("warmupSteps must be >= 0, found " + warmupSteps);
        if (!(rewardFactor > 0)) throw new IllegalArgumentException("rewardFactor must be positive, found " + rewardFactor);
        if (maxEpisodeSteps <= 0) throw new IllegalArgumentException("maxEpisodeSteps must be positive, found " + maxEpisodeSteps);
        if (sparsityChoices <= 0) throw new IllegalArgumentException("sparsityChoices must be positive, found " + sparsityChoices);
    }

    public static DqnConfig defaults() {
        return new DqnConfig(64, 2, 1e-3, 32, 10_000, 100, 0.99, 2_000, 0.05, 64, 1.0, 10_000, 5);
    }
}
