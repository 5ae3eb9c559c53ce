package kernelwise.agents;

import kernelwise.env.Cost;
import kernelwise.env.EpisodeResult;
import kernelwise.env.HierarchicalEnv;
import kernelwise.env.Level;
import kernelwise.env.StepResult;
import kernelwise.models.plan.CompressionPlan;
import kernelwise.models.plan.LayerInfo;
import kernelwise.models.plan.LayerKind;
import kernelwise.models.plan.LayerPlan;
import kernelwise.models.plan.NetworkSpec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A deterministic test env with a known optimum. The extrinsic reward is computed from the plan alone:
 * minus the squared distances, per layer, of (activation bits, mean weight bits, mean sparsity) in action units
 * from fixed targets, so the best reward is about 0. A LOW step's intrinsic reward is minus the L1 distance of
 * the kernel's action from the layer's goal. Actions map to bits linearly: weight bits 1 + round(7a),
 * activation bits 2 + round(6a), sparsity 0.9a.
 */
public final class SyntheticEnv implements HierarchicalEnv {
    static final double[][] TARGETS = {{0.8, 0.3, 0.6}, {0.2, 0.7, 0.1}, {0.5, 0.5, 0.4}};

    private final NetworkSpec spec;
    private final boolean kernelSteps;
    private final int kernels;
    private int layer;
    private int kernel;
    private Level level;
    private final double[] goal = new double[2];
    private final List<LayerPlan> plans = new ArrayList<>();
    private int[] bits;
    private double[] sparsity;
    private int actBits;
    private double bitsSum;
    private double sparsitySum;

    public SyntheticEnv(int layers, int kernels, boolean kernelSteps) {
        if (layers > TARGETS.length) throw new IllegalArgumentException("at most " + TARGETS.length + " layers");
        List<LayerInfo> infos = new ArrayList<>();
        for (int l = 0; l < layers; l++) {
            infos.add(new LayerInfo(l, "layer" + l, LayerKind.DENSE, kernels, 16, 16, 1, 1, 1, 1, 1, 1, 1));
        }
        this.spec = new NetworkSpec(infos);
        this.kernels = kernels;
        this.kernelSteps = kernelSteps;
    }

    @Override
    public NetworkSpec spec() {
        return spec;
    }

    @Override
    public boolean kernelSteps() {
        return kernelSteps;
    }

    @Override
    public int highObservationSize() {
        return 3;
    }

    @Override
    public int lowObservationSize() {
        return 4;
    }

    @Override
    public int highActionSize() {
        return 3;
    }

    @Override
    public int lowActionSize() {
        return 2;
    }

    @Override
    public double[] reset() {
        layer = 0;
        level = Level.HIGH;
        plans.clear();
        return highObs();
    }

    private double[] highObs() {
        return new double[]{(double) layer / spec.size(), (layer + 1.0) / spec.size(), 1.0};
    }

    private double[] lowObs() {
        double n = Math.max(1, kernel);
        return new double[]{(double) layer / spec.size(), (double) kernel / kernels, bitsSum / n, sparsitySum / n};
    }

    @Override
    public Level level() {
        return level;
    }

    @Override
    public StepResult step(double[] a) {
        if (level == Level.HIGH) {
            actBits = 2 + (int) Math.round(6 * a[0]);
            goal[0] = a[1];
            goal[1] = a[2];
            bits = new int[kernels];
            sparsity = new double[kernels];
            kernel = 0;
            bitsSum = 0;
            sparsitySum = 0;
            if (kernelSteps) {
                level = Level.LOW;
                return new StepResult(lowObs(), Level.LOW, 0, false, null);
            }
            Arrays.fill(bits, 1 + (int) Math.round(7 * a[1]));
            Arrays.fill(sparsity, 0.9 * a[2]);
            return endLayer(0);
        }
        bits[kernel] = 1 + (int) Math.round(7 * a[0]);
        sparsity[kernel] = 0.9 * a[1];
        bitsSum += a[0];
        sparsitySum += a[1];
        double intrinsic = -(Math.abs(a[0] - goal[0]) + Math.abs(a[1] - goal[1]));
        kernel++;
        if (kernel < kernels) return new StepResult(lowObs(), Level.LOW, intrinsic, false, null);
        return endLayer(intrinsic);
    }

    private StepResult endLayer(double reward) {
        plans.add(new LayerPlan("layer" + layer, actBits, bits, sparsity));
        layer++;
        level = Level.HIGH;
        if (layer < spec.size()) return new StepResult(highObs(), Level.HIGH, reward, false, null);
        return new StepResult(new double[0], Level.HIGH, reward, true, evaluate(CompressionPlan.of(spec, plans)));
    }

    /** The extrinsic reward of a plan: 0 at the optimum. */
    public static double reward(CompressionPlan plan) {
        double r = 0;
        for (int l = 0; l < plan.size(); l++) {
            LayerPlan p = plan.layer(l);
            double act = (p.activationBits() == 32 ? 8 : p.activationBits() - 2) / 6.0;
            double bits = 0;
            for (int k = 0; k < p.kernels(); k++) bits += (Math.min(8, p.weightBits(k)) - 1) / 7.0;
            bits /= p.kernels();
            double sp = p.meanSparsity() / 0.9;
            r -= sq(act - TARGETS[l][0]) + sq(bits - TARGETS[l][1]) + sq(sp - TARGETS[l][2]);
        }
        return r;
    }

    @Override
    public EpisodeResult evaluate(CompressionPlan plan) {
        double r = reward(plan);
        double meanBits = plan.layers().stream().mapToDouble(LayerPlan::meanWeightBits).average().orElse(0);
        Cost cost = new Cost("synthetic", meanBits, meanBits * 1e-9, meanBits, (long) meanBits, new double[plan.size()], new double[plan.size()]);
        return new EpisodeResult(plan, plan, Math.exp(r), cost, meanBits / 8, r, 0);
    }

    @Override
    public List<EpisodeResult> evaluateAll(List<CompressionPlan> plans) {
        return plans.stream().map(this::evaluate).toList();
    }

    private static double sq(double x) {
        return x * x;
    }
}
