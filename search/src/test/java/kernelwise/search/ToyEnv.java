package kernelwise.search;

import kernelwise.env.Cost;
import kernelwise.env.EpisodeResult;
import kernelwise.env.SyntheticEnv;
import kernelwise.models.plan.CompressionPlan;
import kernelwise.models.plan.LayerInfo;
import kernelwise.models.plan.LayerPlan;
import kernelwise.models.plan.NetworkSpec;

/**
 * The env of the loop and store tests: the {@link SyntheticEnv} with kernel steps on {@code spec}, plans scored by
 * a formula (accuracy falls with fewer bits and more sparsity; latency is kept MACs x bits), not by a network.
 */
public final class ToyEnv {
    private ToyEnv() {
    }

    /** @param episodeMillis how long scoring a plan sleeps (0: not at all), to slow a run down */
    public static SyntheticEnv of(NetworkSpec spec, double budget, long episodeMillis) {
        return new SyntheticEnv(spec, true, SyntheticEnv.LEVELS, plan -> score(spec, plan, budget, episodeMillis));
    }

    private static EpisodeResult score(NetworkSpec spec, CompressionPlan plan, double budget, long episodeMillis) {
        long t0 = System.nanoTime();
        if (episodeMillis > 0) {
            try {
                Thread.sleep(episodeMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        double loss = 0, cycles = 0, ref = 0;
        long bitsStored = 0;
        for (int i = 0; i < spec.size(); i++) {
            LayerInfo l = spec.layer(i);
            LayerPlan p = plan.layer(i);
            for (int k = 0; k < l.kernels(); k++) {
                int kept = p.keptWeights(k, l.fanIn());
                loss += Math.pow(2, -p.weightBits(k)) + 0.05 * p.sparsity(k) * p.sparsity(k);
                cycles += (double) kept * l.outputPositions() * p.weightBits(k) * p.activationBits() / 64.0;
                ref += (double) l.fanIn() * l.outputPositions();
                bitsStored += (long) kept * p.weightBits(k);
            }
        }
        double accuracy = Math.max(0, 0.99 - loss / spec.totalKernels());
        double rel = cycles / ref;
        double reward = accuracy - 2 * Math.max(0, rel - budget);
        Cost cost = new Cost("toy", cycles, cycles / 1e9, cycles * 2.5, bitsStored, new double[spec.size()], new double[spec.size()]);
        return new EpisodeResult(plan, plan, accuracy, cost, rel, reward, (System.nanoTime() - t0) / 1e9);
    }
}
