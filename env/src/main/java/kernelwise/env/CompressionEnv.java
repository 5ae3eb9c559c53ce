package kernelwise.env;

import kernelwise.env.action.ActionMapper;
import kernelwise.env.action.GoalMapper;
import kernelwise.env.action.HighActions;
import kernelwise.env.action.KernelAllocation;
import kernelwise.env.budget.Budget;
import kernelwise.env.budget.Enforcement;
import kernelwise.env.budget.MagnitudePlans;
import kernelwise.env.hardware.HardwareModel;
import kernelwise.env.obs.KernelStats;
import kernelwise.env.obs.Progress;
import kernelwise.env.reward.GoalReward;
import kernelwise.env.reward.RewardFunction;
import kernelwise.models.compress.FastPlanScorer;
import kernelwise.models.compress.KernelMagnitudes;
import kernelwise.models.compress.Recovery;
import kernelwise.models.compress.NetworkSpecs;
import kernelwise.models.compress.PlanScore;
import kernelwise.models.compress.PlanScorer;
import kernelwise.models.plan.CompressionPlan;
import kernelwise.models.data.DataSplits;
import kernelwise.models.data.Datasets;
import kernelwise.models.plan.NetworkSpec;
import org.deeplearning4j.nn.api.Model;
import org.nd4j.linalg.dataset.DataSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Arrays;
import java.util.List;

/**
 * The compression environment: a {@link HierarchicalEnv} composed of {@link EnvParts} (hardware model, action
 * mapper, observation builder, budget projector, reward) and a {@link ScorerPool}. The plan is built in arrays
 * allocated once; at the end of an episode it is projected onto the budget (resource-constrained mode), scored,
 * priced and rewarded. Not thread-safe for episodes; {@link #evaluate} and {@link #evaluateAll} are.
 */
public final class CompressionEnv implements HierarchicalEnv, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CompressionEnv.class);
    private static final double[] NONE = new double[0];
    /** A kernel's action: weight bits, sparsity. */
    private static final int LOW_ACTION_SIZE = 2;

    private final NetworkSpec spec;
    private final EnvConfig cfg;
    private final EnvParts parts;
    private final GoalMapper goals;
    private final ScorerPool pool;
    private final double baselineAccuracy;
    private final Cost reference;
    private final PlanBuffer buffer;
    private final BudgetLimiter limiter;
    /** Per layer, the LOW actions of its kernels (bits, sparsity interleaved), overwritten every episode. */
    private final double[][] lowActions;
    private final Progress progress = new Progress();
    private Level level = Level.HIGH;
    private boolean running;

    /**
     * @param baselineAccuracy the uncompressed network's accuracy on the scorers' split
     */
    public CompressionEnv(NetworkSpec spec, EnvConfig cfg, EnvParts parts, GoalMapper goals, ScorerPool pool, double baselineAccuracy) {
        this.spec = spec;
        this.cfg = cfg;
        this.parts = parts;
        this.goals = goals;
        this.pool = pool;
        this.baselineAccuracy = baselineAccuracy;
        this.reference = parts.hardware().cost(spec, Budget.referencePlan(spec));
        this.buffer = new PlanBuffer(spec);
        buffer.fill(Budget.REFERENCE_BITS);
        this.lowActions = new double[spec.size()][];
        for (int i = 0; i < spec.size(); i++) lowActions[i] = new double[2 * spec.layer(i).kernels()];
        this.limiter = cfg.mode().projects() && cfg.enforcement() == Enforcement.LIMIT
                ? new BudgetLimiter(spec, parts.hardware(), cfg.budget(), reference, parts.actions(), parts.choices(), buffer) : null;
        if (cfg.mode().projects() && parts.projector() == null) {
            throw new IllegalArgumentException("mode " + cfg.mode() + " projects plans but the parts have no projector");
        }
    }

    /**
     * An env on the given scorers (one working copy each): builds the standard parts, scores the identity (float)
     * plan once for the baseline accuracy, and with {@link HighActions#PRIOR} chooses the prior: the most accurate
     * global magnitude plan that fits the budget ({@link MagnitudePlans}), scored by the same scorers.
     */
    public static CompressionEnv of(NetworkSpec spec, KernelStats stats, KernelMagnitudes magnitudes, List<? extends PlanScorer> scorers,
                                    EnvConfig cfg, HardwareModel hw) {
        EnvParts parts = EnvParts.of(spec, stats, magnitudes, cfg, hw);
        ScorerPool pool = new ScorerPool(scorers);
        double baseline = pool.score(CompressionPlan.identity(spec)).accuracy();
        LOG.info("env on {} ({}), budget {}, mode {}, baseline accuracy {}", cfg.hardware(), spec.fingerprint(), cfg.budget().toText(), cfg.mode(), baseline);
        GoalMapper.Prior prior = cfg.highActions() == HighActions.PRIOR ? prior(spec, magnitudes, parts, pool, cfg) : null;
        return new CompressionEnv(spec, cfg, parts, new GoalMapper(parts.actions(), prior), pool, baseline);
    }

    /** The most accurate fitting global magnitude plan, as a prior: its weight width, each layer's density, its activation width. */
    private static GoalMapper.Prior prior(NetworkSpec spec, KernelMagnitudes m, EnvParts parts, ScorerPool pool, EnvConfig cfg) {
        if (m == null) throw new IllegalArgumentException("high actions relative to a prior need the network's weight magnitudes, found none");
        List<CompressionPlan> candidates = MagnitudePlans.fitting(spec, m, parts.hardware(), cfg.budget(), parts.actions().weightLevels(),
                parts.actions().activationLevels());
        if (candidates.isEmpty()) throw new IllegalArgumentException("no global magnitude plan meets the budget " + cfg.budget().toText());
        List<PlanScore> scores = pool.map(candidates, pool::score);
        int best = 0;
        for (int i = 1; i < scores.size(); i++) if (scores.get(i).accuracy() > scores.get(best).accuracy()) best = i;
        CompressionPlan p = candidates.get(best);
        double[] density = new double[spec.size()];
        int[] bits = new int[spec.size()];
        for (int l = 0; l < spec.size(); l++) {
            var info = spec.layer(l);
            long kept = 0;
            for (int k = 0; k < info.kernels(); k++) kept += p.layer(l).keptWeights(k, info.fanIn());
            long all = (long) info.kernels() * info.fanIn();
            density[l] = Math.max(1, kept) / (double) all;
            bits[l] = p.layer(l).weightBits(0);
        }
        LOG.info("prior of the HIGH actions: the global magnitude plan at {} bits ({} candidates scored), accuracy {}, layer densities {}",
                bits[0], candidates.size(), scores.get(best).accuracy(), java.util.Arrays.toString(density));
        return new GoalMapper.Prior(bits, density, p.layer(0).activationBits());
    }

    /**
     * The env the search uses: the spec and kernel statistics of {@code original}, a pool of
     * {@link FastPlanScorer}s ({@link EnvConfig#scorerCount()} working copies sharing one calibration) scoring on the
     * search-validation split (its first {@link EnvConfig#evalSamples()} images when positive), activation ranges
     * calibrated on the first {@link EnvConfig#calibrationSamples()} training images, the recovery step (if any) fit on
     * the first {@link EnvConfig#recoverySamples()} training images, plans priced by {@code hw} (read
     * from the config once, by the caller, with {@link EnvConfig#hardwareModel()}). {@code original} is not modified.
     */
    public static CompressionEnv create(Model original, DataSplits splits, EnvConfig cfg, HardwareModel hw) {
        NetworkSpec spec = NetworkSpecs.of(original);
        KernelStats stats = KernelStats.of(original);
        DataSet eval = cfg.evalSamples() > 0 ? Datasets.first(splits.validation(), cfg.evalSamples()) : splits.validation();
        DataSet calibration = Datasets.first(splits.train(), cfg.calibrationSamples());
        long t0 = System.nanoTime();
        DataSet recoverySamples = cfg.recovery() == Recovery.NONE ? null : Datasets.first(splits.train(), cfg.recoverySamples());
        List<FastPlanScorer> scorers = FastPlanScorer.pool(original, eval, calibration, cfg.scorerCount(), cfg.recovery(), recoverySamples);
        LOG.info("{} scorers on {} {} images ready in {} ms", scorers.size(), eval.numExamples(), splits.name(), (System.nanoTime() - t0) / 1_000_000);
        return of(spec, stats, KernelMagnitudes.of(original), scorers, cfg, hw);
    }

    @Override
    public NetworkSpec spec() {
        return spec;
    }

    public EnvConfig config() {
        return cfg;
    }

    public EnvParts parts() {
        return parts;
    }

    /** The parts' action mapper. */
    @Override
    public ActionMapper actions() {
        return parts.actions();
    }

    public double baselineAccuracy() {
        return baselineAccuracy;
    }

    /** The reference (8-bit) plan's cost. */
    public Cost referenceCost() {
        return reference;
    }

    @Override
    public boolean kernelSteps() {
        return cfg.kernelSteps();
    }

    @Override
    public int highObservationSize() {
        return kernelwise.env.obs.ObservationBuilder.HIGH_SIZE;
    }

    @Override
    public int lowObservationSize() {
        return kernelwise.env.obs.ObservationBuilder.LOW_SIZE;
    }

    @Override
    public int lowActionSize() {
        return LOW_ACTION_SIZE;
    }

    @Override
    public double[] reset() {
        buffer.fill(Budget.REFERENCE_BITS);
        progress.reset();
        level = Level.HIGH;
        running = true;
        return parts.observations().high(progress);
    }

    @Override
    public Level level() {
        return level;
    }

    @Override
    public StepResult step(double[] action) {
        if (!running) throw new IllegalStateException("no episode running: call reset() first");
        int size = level == Level.HIGH ? highActionSize() : lowActionSize();
        if (action == null || action.length != size) {
            throw new IllegalArgumentException(level + " action must have " + size + " values, found " + (action == null ? "null" : action.length));
        }
        return level == Level.HIGH ? high(action) : low(action);
    }

    private StepResult high(double[] a) {
        int l = progress.layer;
        var m = parts.actions();
        GoalMapper.Goal asked = goals.goal(l, a);
        int act = asked.activationBits(), bits = asked.weightBits();
        double sparsity = asked.sparsity();
        double[] applied = null;
        if (limiter != null) {
            BudgetLimiter.Goal g = limiter.limit(buffer, l, progress.spent, act, bits, sparsity);
            if (g.changed()) {
                act = g.activationBits();
                bits = g.weightBits();
                sparsity = g.sparsity();
                applied = goals.action(l, bits, sparsity);
            }
        }
        buffer.activationBits[l] = act;
        progress.goalBits = bits;
        progress.goalSparsity = sparsity;
        System.arraycopy(a, 0, progress.previousHigh, 0, a.length);
        progress.startLayer();
        parts.choices().startLayer(l, progress.goalBits, progress.goalSparsity);
        if (cfg.kernelSteps()) {
            level = Level.LOW;
            return new StepResult(parts.observations().low(progress), Level.LOW, 0, false, null);
        }
        parts.choices().follow(buffer.weightBits[l], buffer.sparsity[l]);
        return finishLayer(0, applied);
    }

    private StepResult low(double[] a) {
        int l = progress.layer, k = progress.kernel;
        var m = parts.actions();
        int bits = parts.choices().bits(a[0]);
        double sp = parts.choices().sparsity(k, a[1]);
        buffer.weightBits[l][k] = bits;
        buffer.sparsity[l][k] = sp;
        progress.sumBits += bits;
        progress.sumSparsity += sp;
        progress.decided++;
        System.arraycopy(a, 0, progress.previousLow, 0, a.length);
        progress.sumFollowedSparsity += parts.choices().followedSparsity(k);
        // the goal for the kernels so far: the layer's goal, or under magnitude allocation what they get by following it
        double goalSparsity = parts.choices().allocation() == KernelAllocation.UNIFORM ? progress.goalSparsity
                : progress.sumFollowedSparsity / progress.decided;
        double reward = GoalReward.of(m.normalizedWeightBits(progress.sumBits / progress.decided), m.normalizedWeightBits(progress.goalBits),
                m.normalizedSparsity(progress.sumSparsity / progress.decided), m.normalizedSparsity(goalSparsity));
        lowActions[l][2 * k] = a[0];
        lowActions[l][2 * k + 1] = a[1];
        progress.kernel++;
        if (progress.kernel < spec.layer(l).kernels()) {
            return new StepResult(parts.observations().low(progress), Level.LOW, reward, false, null);
        }
        if (parts.choices().allocation() == KernelAllocation.UNIFORM) return finishLayer(reward, null);
        centre(l);
        return finishLayer(reward, goals.action(l, mean(buffer.weightBits[l]), mean(buffer.sparsity[l])));
    }

    /**
     * Under magnitude allocation a layer's LOW actions say how its kernels differ, not where the layer stands (its goal
     * says that): at the layer's end each action is moved by the layer's mean offset from the neutral action (clamped to
     * [0,1]) and the kernels' choices are made again from the moved actions.
     */
    private void centre(int l) {
        double[] a = lowActions[l];
        int kernels = a.length / 2;
        double shiftBits = 0, shiftSparsity = 0;
        for (int k = 0; k < kernels; k++) {
            shiftBits += a[2 * k] - 0.5;
            shiftSparsity += a[2 * k + 1] - 0.5;
        }
        shiftBits /= kernels;
        shiftSparsity /= kernels;
        for (int k = 0; k < kernels; k++) {
            buffer.weightBits[l][k] = parts.choices().bits(clamp(a[2 * k] - shiftBits));
            buffer.sparsity[l][k] = parts.choices().sparsity(k, clamp(a[2 * k + 1] - shiftSparsity));
        }
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }

    private static double mean(int[] v) {
        return Arrays.stream(v).average().orElse(0);
    }

    private static double mean(double[] v) {
        return Arrays.stream(v).average().orElse(0);
    }

    /** With HIGH actions relative to a prior, the action that asks for the prior (every entry 0.5); else null. */
    @Override
    public double[] neutralHighAction() {
        if (goals.prior() == null) return null;
        double[] a = new double[highActionSize()];
        Arrays.fill(a, 0.5);
        return a;
    }

    @Override
    public double[] neutralLowAction(double[] goal) {
        return parts.choices().neutralLowAction(goal);
    }

    /**
     * Adds the finished layer's cost to what is spent, then moves to the next layer or ends the episode; the step
     * reports {@code achieved}, the goal the layer's kernels achieved (null if not reported).
     */
    private StepResult finishLayer(double reward, double[] achieved) {
        int l = progress.layer;
        CompressionPlan sofar = buffer.toPlan();
        Cost c = parts.hardware().cost(spec, sofar);
        progress.spent += Budget.layerValues(cfg.budget().resource(), c, spec, sofar)[l];
        progress.layer++;
        level = Level.HIGH;
        if (progress.layer < spec.size()) {
            return new StepResult(parts.observations().high(progress), Level.HIGH, reward, false, null, achieved);
        }
        running = false;
        progress.layer = spec.size() - 1;
        return new StepResult(NONE, Level.HIGH, reward, true, evaluate(sofar), achieved);
    }

    @Override
    public EpisodeResult evaluate(CompressionPlan plan) {
        plan.checkAgainst(spec);
        CompressionPlan scored = cfg.mode().projects() ? parts.projector().project(plan) : plan;
        PlanScore score = pool.score(scored);
        Cost cost = parts.hardware().cost(spec, scored);
        Resource r = cfg.budget().resource();
        double relative = cost.of(r) / reference.of(r);
        double reward = parts.reward().reward(new RewardFunction.Outcome(score.accuracy(), baselineAccuracy, relative, cost.of(r)));
        return new EpisodeResult(plan, scored, score.accuracy(), cost, relative, reward, score.seconds());
    }

    @Override
    public List<EpisodeResult> evaluateAll(List<CompressionPlan> plans) {
        return pool.map(plans, this::evaluate);
    }

    /** Stops the scorer pool's threads. */
    @Override
    public void close() {
        pool.close();
    }
}
