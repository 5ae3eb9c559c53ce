package kernelwise.agents;

import kernelwise.env.EpisodeResult;
import kernelwise.env.HierarchicalEnv;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs agents side by side with the same episode budget and seeds and reports, per (agent, seed), the best
 * search-validation accuracy found, its relative cost and the time split between agent and env. One plan scored
 * is one episode for every agent. Agents are given the env view they need ({@link Agents#wantsKernelSteps}).
 */
public final class AgentComparison {
    private static final Logger log = LoggerFactory.getLogger(AgentComparison.class);

    /** Makes (or hands out a cached) env of the requested view. */
    @FunctionalInterface
    public interface EnvSupplier {
        HierarchicalEnv create(boolean kernelSteps);
    }

    /** Called after every batch of episodes (progress reporting). */
    @FunctionalInterface
    public interface Progress {
        void episodes(String agent, long seed, int done, int total);
    }

    /**
     * One (agent, seed) run.
     *
     * @param agent            agent name
     * @param seed             the agent's seed
     * @param episodes         episodes run (plans scored)
     * @param bestAccuracy     best search-validation accuracy among the scored plans
     * @param bestRelativeCost relative cost of that plan (budgeted resource over the 8-bit reference)
     * @param bestEpisode      the episode that found it (0-based)
     * @param bestReward       best extrinsic reward among the scored plans
     * @param agentSeconds     mean agent time per episode (choosing actions and learning)
     * @param envSeconds       mean env time per episode (stepping, projecting and scoring)
     */
    public record Row(String agent, long seed, int episodes, double bestAccuracy, double bestRelativeCost,
                      long bestEpisode, double bestReward, double agentSeconds, double envSeconds) {
    }

    private final AgentConfig cfg;
    private final EnvSupplier envs;
    private final int batch;

    /** @param batch episodes per {@link Agent#runEpisodes} call (the evolutionary agent scores a batch in parallel) */
    public AgentComparison(AgentConfig cfg, EnvSupplier envs, int batch) {
        if (cfg == null || envs == null) throw new IllegalArgumentException("configuration and env supplier must not be null");
        if (batch <= 0) throw new IllegalArgumentException("batch must be positive, found " + batch);
        this.cfg = cfg;
        this.envs = envs;
        this.batch = batch;
    }

    /** Every agent with every seed, in that order. */
    public List<Row> run(List<String> agents, List<Long> seeds, int episodes, Progress progress) {
        if (episodes <= 0) throw new IllegalArgumentException("episodes must be positive, found " + episodes);
        List<Row> rows = new ArrayList<>();
        for (String agent : agents) {
            for (long seed : seeds) rows.add(runOne(agent, seed, episodes, progress));
        }
        return rows;
    }

    public Row runOne(String name, long seed, int episodes, Progress progress) {
        HierarchicalEnv env = envs.create(Agents.wantsKernelSteps(name));
        Agent agent = Agents.create(name, cfg, env, seed);
        double bestAcc = Double.NEGATIVE_INFINITY;
        double bestCost = Double.NaN;
        double bestReward = Double.NEGATIVE_INFINITY;
        long bestEpisode = -1;
        double agentSeconds = 0;
        long start = System.nanoTime();
        for (int done = 0; done < episodes; ) {
            int n = Math.min(batch, episodes - done);
            for (Episode e : agent.runEpisodes(env, done, n)) {
                EpisodeResult r = e.result();
                agentSeconds += e.agentSeconds();
                bestReward = Math.max(bestReward, r.reward());
                if (r.accuracy() > bestAcc) {
                    bestAcc = r.accuracy();
                    bestCost = r.relativeCost();
                    bestEpisode = e.index();
                }
            }
            done += n;
            if (progress != null) progress.episodes(name, seed, done, episodes);
        }
        double total = (System.nanoTime() - start) / 1e9;
        Row row = new Row(name, seed, episodes, bestAcc, bestCost, bestEpisode, bestReward,
                agentSeconds / episodes, Math.max(0, total - agentSeconds) / episodes);
        log.info("{}", row);
        return row;
    }
}
