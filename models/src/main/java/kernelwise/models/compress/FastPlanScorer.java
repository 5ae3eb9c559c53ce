package kernelwise.models.compress;

import kernelwise.models.plan.CompressionPlan;
import kernelwise.models.plan.NetworkSpec;
import org.deeplearning4j.nn.api.Model;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

import java.util.ArrayList;
import java.util.List;

/**
 * Scores plans on one network and one evaluation split, fast: a {@link QuantizedNetwork} working copy
 * (normally the direct {@link FastForward} pass) allocated once; per plan every layer's original weights are
 * projected ({@link KernelProjection}) into it, the inputs of the compressible layers are quantized with ranges
 * calibrated once, and the split is classified in large batches. The source network is never modified.
 * <p>
 * For parallel evaluation create a {@link #pool}: the scorers share the original weights and the calibrated
 * ranges, each has its own working copy. One scorer is not thread-safe.
 */
public final class FastPlanScorer implements PlanScorer {

    /** Images per forward batch; chosen by {@code bench eval} (larger batches give the GEMMs more rows). */
    public static final int DEFAULT_BATCH = 250;
    /** Calibration uses at most this many images of the calibration set. */
    public static final int CALIBRATION_IMAGES = 1000;

    private final NetworkSpec spec;
    private final QuantizedNetwork net;
    private final INDArray[] originals;
    private final ActivationRanges ranges;
    private final Accuracy accuracy;
    private final PlanRecovery recovery;

    /** A scorer for {@code model} on {@code eval}, with activation ranges calibrated on {@code calibration}. */
    public FastPlanScorer(Model model, DataSet eval, DataSet calibration) {
        this(model, eval, calibrate(model, calibration), originals(model), DEFAULT_BATCH, Recovery.NONE, null);
    }

    /** A scorer sharing already calibrated ranges. */
    public FastPlanScorer(Model model, DataSet eval, ActivationRanges ranges, int batchSize) {
        this(model, eval, ranges, originals(model), batchSize, Recovery.NONE, null);
    }

    private FastPlanScorer(Model model, DataSet eval, ActivationRanges ranges, INDArray[] originals, int batchSize,
                           Recovery recoveryKind, DataSet recoverySamples) {
        this.net = QuantizedNetwork.of(model);
        this.spec = net.spec();
        if (ranges.size() != spec.size()) throw new IllegalArgumentException("ranges cover " + ranges.size() + " layers but the network has " + spec.size());
        this.originals = originals;
        this.ranges = ranges;
        this.accuracy = new Accuracy(eval, batchSize);
        this.recovery = recovery(recoveryKind, recoverySamples);
    }

    private PlanRecovery recovery(Recovery kind, DataSet samples) {
        if (kind == Recovery.NONE) return null;
        if (!(net instanceof FastForward ff)) {
            throw new UnsupportedNetworkException("the recovery step " + kind + " needs the direct forward pass, which this network cannot take");
        }
        return new PlanRecovery(kind, ff, originals, samples.getFeatures());
    }

    /** Whether {@code model} takes the direct forward pass a recovery step needs (not, e.g., batch norm between layers of a Keras import). */
    public static boolean takesRecovery(Model model) {
        try {
            FastForward.compile(model);
            return true;
        } catch (UnsupportedNetworkException e) {
            return false;
        }
    }

    /** {@code n} scorers of one network sharing its original weights and one calibration, without a recovery step. */
    public static List<FastPlanScorer> pool(Model model, DataSet eval, DataSet calibration, int n) {
        return pool(model, eval, calibration, n, Recovery.NONE, null);
    }

    /**
     * {@code n} scorers of one network sharing its original weights and one calibration, each running the
     * {@code recovery} step fit on {@code recoverySamples} (training images; unused for {@link Recovery#NONE}).
     */
    public static List<FastPlanScorer> pool(Model model, DataSet eval, DataSet calibration, int n, Recovery recovery, DataSet recoverySamples) {
        if (n <= 0) throw new IllegalArgumentException("pool size must be positive, found " + n);
        if (recovery != Recovery.NONE && recoverySamples == null) throw new IllegalArgumentException("recovery " + recovery + " needs training samples, found none");
        ActivationRanges ranges = calibrate(model, calibration);
        INDArray[] originals = originals(model);
        List<FastPlanScorer> pool = new ArrayList<>();
        for (int i = 0; i < n; i++) pool.add(new FastPlanScorer(model, eval, ranges, originals, DEFAULT_BATCH, recovery, recoverySamples));
        return pool;
    }

    /** The ranges of the compressible layers' inputs of the float {@code model} on (up to 1,000 images of) {@code data}. */
    public static ActivationRanges calibrate(Model model, DataSet data) {
        DataSet sample = data.numExamples() <= CALIBRATION_IMAGES ? data
                : new DataSet(data.getFeatures().get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, CALIBRATION_IMAGES),
                org.nd4j.linalg.indexing.NDArrayIndex.all()), null);
        return QuantizedNetwork.of(model).calibrate(sample, 250);
    }

    private static INDArray[] originals(Model model) {
        return NetworkSpecs.layers(model).stream().map(LayerWeights::read).toArray(INDArray[]::new);
    }

    @Override
    public NetworkSpec spec() {
        return spec;
    }

    public ActivationRanges ranges() {
        return ranges;
    }

    @Override
    public PlanScore score(CompressionPlan plan) {
        plan.checkAgainst(spec);
        long start = System.nanoTime();
        apply(plan);
        double acc = accuracy.of(net);
        return new PlanScore(acc, PlanCounts.of(spec, plan), (System.nanoTime() - start) / 1e9);
    }

    /** Writes {@code plan}'s projected weights and activation quantizers into the working copy, then runs the recovery step. */
    public void apply(CompressionPlan plan) {
        plan.checkAgainst(spec);
        KernelProjection.Result[] projected = new KernelProjection.Result[spec.size()];
        for (int i = 0; i < spec.size(); i++) {
            projected[i] = KernelProjection.project(originals[i], plan.layer(i));
            net.setWeights(i, projected[i].weights(), plan.layer(i).removedKernels(spec.layer(i).fanIn()));
        }
        net.setActivationQuant(ranges.quants(plan));
        if (recovery != null) recovery.apply(plan, projected);
    }

    /** The working copy (with the last applied plan). */
    public QuantizedNetwork network() {
        return net;
    }
}
