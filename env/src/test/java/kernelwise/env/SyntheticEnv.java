package kernelwise.env;

import kernelwise.env.action.ActionMapper;
import kernelwise.models.plan.CompressionPlan;
import kernelwise.models.plan.LayerInfo;
import kernelwise.models.plan.LayerKind;
import kernelwise.models.plan.LayerPlan;
import kernelwise.models.plan.NetworkSpec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * A deterministic env without a network, for the tests of agents and of the search loop: the episode mechanics of
 * a {@link HierarchicalEnv} (per layer a HIGH step, then one LOW step per kernel when {@code kernelSteps}, else
 * every kernel takes the layer's goal), actions mapped to levels by an {@link ActionMapper}, and finished plans
 * scored by a given rule. A LOW step's intrinsic reward is minus the L1 distance of the kernel's action from the
 * layer's goal. {@link #SyntheticEnv(int, int, boolean)} is the env with a known optimum ({@link #reward}).
 */
public final class SyntheticEnv implements HierarchicalEnv {
    /** Weight bits 1..8, activation bits 2..8, sparsity 0, 0.01, .., 0.9 (fine enough to learn as if continuous). */
    public static final ActionMapper LEVELS = new ActionMapper(IntStream.rangeClosed(1, 8).toArray(),
            IntStream.rangeClosed(2, 8).toArray(), IntStream.rangeClosed(0, 90).mapToDouble(i -> i / 100.0).toArray());
    /** Per layer, the optimum's (activation bits, mean weight bits, mean sparsity) in action units. */
    static final double[][] TARGETS = {{0.8, 0.3, 0.6}, {0.2, 0.7, 0.1}, {0.5, 0.5, 0.4}};

    private final NetworkSpec spec;
    private final boolean kernelSteps;
    private final ActionMapper actions;
    private final Function<CompressionPlan, EpisodeResult> scoring;
    private final List<LayerPlan> plans = new ArrayList<>();
    private final double[] goal = new double[2];
    private int layer;
    private int kernel;
    private Level level = Level.HIGH;
    private int[] bits;
    private double[] sparsity;
    private int actBits;
    private double bitsSum;
    private double sparsitySum;

    /** @param scoring the result of a finished (or {@link #evaluate}d) plan */
    public SyntheticEnv(NetworkSpec spec, boolean kernelSteps, ActionMapper actions, Function<CompressionPlan, EpisodeResult> scoring) {
        this.spec = spec;
        this.kernelSteps = kernelSteps;
        this.actions = actions;
        this.scoring = scoring;
    }

    /** {@code layers} (at most 3) dense layers of {@code kernels} kernels, {@link #LEVELS}, rewarded by {@link #reward}. */
    public SyntheticEnv(int layers, int kernels, boolean kernelSteps) {
        this(layers, kernels, kernelSteps, LEVELS);
    }

    /** As {@link #SyntheticEnv(int, int, boolean)} with other levels. */
    public SyntheticEnv(int layers, int kernels, boolean kernelSteps, ActionMapper actions) {
        this(dense(layers, kernels), kernelSteps, actions, SyntheticEnv::targetResult);
    }

    private static NetworkSpec dense(int layers, int kernels) {
        if (layers > TARGETS.length) throw new IllegalArgumentException("at most " + TARGETS.length + " layers, found " + layers);
        return new NetworkSpec(IntStream.range(0, layers)
                .mapToObj(l -> new LayerInfo(l, "layer" + l, LayerKind.DENSE, kernels, 16, 16, 1, 1, 1, 1, 1, 1, 1)).toList());
    }

    @Override public NetworkSpec spec() { return spec; }
    @Override public boolean kernelSteps() { return kernelSteps; }
    @Override public int highObservationSize() { return 3; }
    @Override public int lowObservationSize() { return 4; }
    @Override public int lowActionSize() { return 2; }
    @Override public ActionMapper actions() { return actions; }
    @Override public Level level() { return level; }

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
        return new double[]{(double) layer / spec.size(), (double) kernel / bits.length, bitsSum / n, sparsitySum / n};
    }

    @Override
    public StepResult step(double[] a) {
        if (level == Level.HIGH) return high(a);
        bits[kernel] = actions.weightBits(a[0]);
        sparsity[kernel] = actions.sparsity(a[1]);
        bitsSum += a[0];
        sparsitySum += a[1];
        double intrinsic = -(Math.abs(a[0] - goal[0]) + Math.abs(a[1] - goal[1]));
        kernel++;
        if (kernel < bits.length) return new StepResult(lowObs(), Level.LOW, intrinsic, false, null);
        return endLayer(intrinsic);
    }

    private StepResult high(double[] a) {
        int kernels = spec.layer(layer).kernels();
        actBits = actions.activationBits(a[0]);
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
        Arrays.fill(bits, actions.weightBits(a[1]));
        Arrays.fill(sparsity, actions.sparsity(a[2]));
        return endLayer(0);
    }

    private StepResult endLayer(double reward) {
        plans.add(new LayerPlan(spec.layer(layer).name(), actBits, bits, sparsity));
        layer++;
        level = Level.HIGH;
        if (layer < spec.size()) return new StepResult(highObs(), Level.HIGH, reward, false, null);
        return new StepResult(new double[0], Level.HIGH, reward, true, evaluate(CompressionPlan.of(spec, plans)));
    }

    /** The known-optimum reward of a plan: minus the squared distances from {@link #TARGETS}, 0 at the optimum. */
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

    /** {@link #reward} as a result: accuracy {@code exp(reward)}, cost the mean weight bits. */
    private static EpisodeResult targetResult(CompressionPlan plan) {
        double r = reward(plan);
        double meanBits = plan.layers().stream().mapToDouble(LayerPlan::meanWeightBits).average().orElse(0);
        Cost cost = new Cost("synthetic", meanBits, meanBits * 1e-9, meanBits, (long) meanBits, new double[plan.size()], new double[plan.size()]);
        return new EpisodeResult(plan, plan, Math.exp(r), cost, meanBits / 8, r, 0);
    }

    @Override
    public EpisodeResult evaluate(CompressionPlan plan) {
        return scoring.apply(plan);
    }

    @Override
    public List<EpisodeResult> evaluateAll(List<CompressionPlan> plans) {
        return plans.stream().map(this::evaluate).toList();
    }

    private static double sq(double x) {
        return x * x;
    }
}
