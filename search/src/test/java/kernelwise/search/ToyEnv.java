package kernelwise.search;

import kernelwise.env.Cost;
import kernelwise.env.EpisodeResult;
import kernelwise.env.HierarchicalEnv;
import kernelwise.env.Level;
import kernelwise.env.StepResult;
import kernelwise.models.plan.CompressionPlan;
import kernelwise.models.plan.LayerInfo;
import kernelwise.models.plan.LayerPlan;
import kernelwise.models.plan.NetworkSpec;

import java.util.ArrayList;
import java.util.List;

/**
 * A small, deterministic, real {@link HierarchicalEnv} for testing the loop and the store: plans are scored by a
 * formula (accuracy falls with fewer bits and more sparsity; latency is kept MACs x bits), not by a network.
 */
public final class ToyEnv implements HierarchicalEnv {
    private final NetworkSpec spec;
    private final double budget;
    private final long episodeMillis;
    private final List<LayerPlan> layers = new ArrayList<>();
    private int layer;
    private int kernel;
    private int actBits;
    private int[] bits;
    private double[] sparsity;
    private Level level = Level.HIGH;

    public ToyEnv(NetworkSpec spec, double budget, long episodeMillis) {
        this.spec = spec;
        this.budget = budget;
        this.episodeMillis = episodeMillis;
    }

    @Override public NetworkSpec spec() { return spec; }
    @Override public boolean kernelSteps() { return true; }
    @Override public int highObservationSize() { return 3; }
    @Override public int lowObservationSize() { return 4; }
    @Override public int highActionSize() { return 3; }
    @Override public int lowActionSize() { return 2; }
    @Override public Level level() { return level; }

    @Override
    public double[] reset() {
        layers.clear();
        layer = 0;
        level = Level.HIGH;
        return highObs();
    }

    private double[] highObs() {
        return new double[]{layer / (double) spec.size(), spec.layer(layer).kernels() / 16.0, spec.layer(layer).fanIn() / 100.0};
    }

    @Override
    public StepResult step(double[] action) {
        if (level == Level.HIGH) {
            LayerInfo l = spec.layer(layer);
            actBits = 2 + (int) Math.round(action[0] * 6);
            bits = new int[l.kernels()];
            sparsity = new double[l.kernels()];
            kernel = 0;
            level = Level.LOW;
            return new StepResult(new double[]{layer, 0, action[1], action[2]}, Level.LOW, 0, false, null);
        }
        bits[kernel] = 1 + (int) Math.round(action[0] * 7);
        sparsity[kernel] = Math.round(action[1] * 8) / 10.0;
        double intrinsic = -Math.abs(action[0] - 0.5);
        kernel++;
        if (kernel < bits.length) {
            return new StepResult(new double[]{layer, kernel / 16.0, action[0], action[1]}, Level.LOW, intrinsic, false, null);
        }
        layers.add(new LayerPlan(spec.layer(layer).name(), actBits, bits, sparsity));
        layer++;
        level = Level.HIGH;
        if (layer < spec.size()) return new StepResult(highObs(), Level.HIGH, intrinsic, false, null);
        return new StepResult(new double[0], Level.HIGH, intrinsic, true, evaluate(CompressionPlan.of(spec, layers)));
    }

    @Override
    public EpisodeResult evaluate(CompressionPlan plan) {
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

    @Override
    public List<EpisodeResult> evaluateAll(List<CompressionPlan> plans) {
        return plans.stream().map(this::evaluate).toList();
    }
}
