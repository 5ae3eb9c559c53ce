package kernelwise.models.finetune;

import kernelwise.models.compress.KernelProjection;
import kernelwise.models.plan.CompressionPlan;
import kernelwise.models.plan.LayerPlan;
import org.deeplearning4j.nn.api.Model;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Pruning of binary (1-bit) kernels by their latent weights. A binary kernel's forward weights are
 * {@code sign(w) * mean|w_kept|}; the real-valued latent weights w behind the signs carry the information of how
 * firmly each sign is held, so they, not the binary values, decide what to prune: the smallest latent magnitudes.
 * <ol>
 *   <li>Binarize: {@link BinaryPruneConfig#binarizeEpochs()} of straight-through training at the plan's bits and no
 *       pruning (the latent weights are the network's float weights).</li>
 *   <li>Sensitivity analysis: each layer holding 1-bit kernels is pruned alone (its 1-bit kernels, by latent
 *       magnitude, at each of {@link BinaryPruneConfig#sparsities()}; every other kernel at its bits, unpruned) and
 *       the validation accuracy drop against no pruning is measured.</li>
 *   <li>Budget: if {@link BinaryPruneConfig#reallocate()}, the plan's pruned weights over the 1-bit kernels (those
 *       not removed) are re-divided among those layers by {@link PruningSensitivity#allocate}: every layer loses at most
 *       the same accuracy, so a sensitive layer keeps more; the result is a derived plan, which is the one met.
 *       Otherwise, and when fewer than two layers hold 1-bit kernels or the budget is beyond the largest measured
 *       sparsity, the plan is kept.</li>
 *   <li>Gradual pruning: {@link BinaryPruneConfig#pruneEpochs()} of straight-through training whose forward pass
 *       projects the latent weights onto the target plan with every sparsity scaled by
 *       {@code 1 - (1 - t)^3} (t: fraction of the phase done), so pruning follows the latent magnitudes as they
 *       train; the latent weights are not zeroed, a pruned weight can return.</li>
 *   <li>Hard projection onto the target plan, then masked retraining ({@link MaskedRetrain}).</li>
 * </ol>
 * Kernels at other bit widths take the same path (quantization-aware, gradual magnitude pruning). Traces:
 * {@code sensitivity.<layer>} (drop per measured sparsity) and {@code allocated} (sparsity per 1-bit layer).
 */
public final class BinaryPruneMethod implements FinetuneMethod {

    private static final Logger LOG = LoggerFactory.getLogger(BinaryPruneMethod.class);
    private static final int EVAL_BATCH = 500;

    private final BinaryPruneConfig config;

    public BinaryPruneMethod(BinaryPruneConfig config) {
        this.config = config;
    }

    @Override
    public String name() {
        return "bnn";
    }

    @Override
    public MethodResult run(Model model, CompressionPlan plan, TrainingData data, FinetuneListener listener) {
        List<PlanLayer> layers = PlanLayers.of(model, plan);
        CompressionPlan unpruned = scaled(plan, 0);
        if (config.binarizeEpochs() > 0) {
            listener.phase("binarize", config.binarizeEpochs());
            HookedTrainer.train(model, data.train(), config.binarizeEpochs(), projecting(layers, i -> unpruned.layer(i)), listener);
        }
        DataSet probe = (DataSet) data.validation().getRange(0, Math.min(config.probeSize(), data.validation().numExamples()));
        List<Integer> binary = binaryLayers(plan);
        Map<String, List<Double>> traces = new java.util.HashMap<>();
        CompressionPlan target = plan;
        if (!binary.isEmpty()) {
            PruningSensitivity s = analyse(model, layers, unpruned, binary, probe, traces);
            if (config.reallocate()) target = reallocate(plan, binary, layers, s, traces);
        }
        List<PlanLayer> bound = PlanLayers.rebind(layers, target);
        train(model, bound, target, data.train(), listener);
        PlanProjection.apply(bound);
        Model projected = Networks.copy(model);
        MaskedRetrain.run(model, bound, data.train(), config.retrainEpochs(), listener);
        return new MethodResult(target, projected, config.binarizeEpochs() + config.pruneEpochs() + config.retrainEpochs(), traces);
    }

    private void train(Model model, List<PlanLayer> layers, CompressionPlan target, DataSetIterator train, FinetuneListener listener) {
        long total = (long) countBatches(train) * config.pruneEpochs();
        long[] now = {0};
        double[] cachedRamp = {-1};
        CompressionPlan[] ramped = {scaled(target, 0)};
        TrainingHook clock = new TrainingHook() {
            @Override
            public void beforeBatch(long iteration) {
                now[0] = iteration;
                double t = Math.min(1, (double) iteration / Math.max(1, total - 1));
                double ramp = Math.round((1 - Math.pow(1 - t, 3)) * 1000) / 1000.0;
                if (ramp != cachedRamp[0]) {
                    cachedRamp[0] = ramp;
                    ramped[0] = scaled(target, ramp);
                }
            }
        };
        listener.phase("prune", config.pruneEpochs());
        HookedTrainer.train(model, train, config.pruneEpochs(), TrainingHook.both(clock, projecting(layers, i -> ramped[0].layer(i))), listener);
    }

    private PruningSensitivity analyse(Model model, List<PlanLayer> layers, CompressionPlan unpruned, List<Integer> binary,
                                DataSet probe, Map<String, List<Double>> traces) {
        double[] grid = config.sparsities();
        double base = projectedAccuracy(model, layers, i -> unpruned.layer(i), probe);
        double[][] drops = new double[binary.size()][grid.length];
        for (int b = 0; b < binary.size(); b++) {
            int layer = binary.get(b);
            List<Double> curve = new ArrayList<>();
            for (int j = 0; j < grid.length; j++) {
                LayerPlan pruned = binarySparsity(unpruned.layer(layer), grid[j]);
                drops[b][j] = grid[j] == 0 ? 0 : base - projectedAccuracy(model, layers, i -> i == layer ? pruned : unpruned.layer(i), probe);
                curve.add(drops[b][j]);
            }
            traces.put("sensitivity." + layers.get(layer).info().name(), curve);
            LOG.info("sensitivity of {}: drops {} at sparsities {}", layers.get(layer).info().name(), curve, grid);
        }
        return new PruningSensitivity(grid, drops);
    }

    private CompressionPlan reallocate(CompressionPlan plan, List<Integer> binary, List<PlanLayer> layers, PruningSensitivity s,
                                       Map<String, List<Double>> traces) {
        long[] weights = new long[binary.size()];
        double budget = 0;
        for (int b = 0; b < binary.size(); b++) {
            LayerPlan p = plan.layer(binary.get(b));
            int fanIn = layers.get(binary.get(b)).info().fanIn();
            for (int k = 0; k < p.kernels(); k++) {
                if (p.weightBits(k) != 1 || p.sparsity(k) >= 1) continue;
                weights[b] += fanIn;
                budget += fanIn - p.keptWeights(k, fanIn);
            }
        }
        double most = 0;
        for (long w : weights) most += w * config.sparsities()[config.sparsities().length - 1];
        if (binary.size() < 2 || budget > most) {
            LOG.info("latent-weight pruning budget {} kept as the plan divides it: {} 1-bit layers, the measured sparsities prune at most {}",
                    budget, binary.size(), most);
            return plan;
        }
        double[] allocated = s.allocate(weights, budget);
        CompressionPlan out = plan;
        List<Double> trace = new ArrayList<>();
        for (int b = 0; b < binary.size(); b++) {
            out = out.withLayer(binary.get(b), binarySparsity(plan.layer(binary.get(b)), allocated[b]));
            trace.add(allocated[b]);
        }
        traces.put("allocated", trace);
        LOG.info("latent-weight pruning budget {} re-divided over 1-bit layers {}: sparsities {}", budget, binary, trace);
        return out;
    }

    /** Accuracy on {@code probe} with every layer projected onto {@code plans}; the weights are restored after. */
    private static double projectedAccuracy(Model model, List<PlanLayer> layers, IntFunction<LayerPlan> plans, DataSet probe) {
        List<INDArray> saved = new ArrayList<>();
        List<INDArray> savedBias = new ArrayList<>();
        for (PlanLayer l : layers) {
            saved.add(l.kernels().dup('c'));
            savedBias.add(l.bias() == null ? null : l.bias().dup());
        }
        try {
            for (int i = 0; i < layers.size(); i++) {
                INDArray w = layers.get(i).kernels();
                w.assign(KernelProjection.project(w, plans.apply(i)).weights());
                layers.get(i).withPlan(plans.apply(i)).zeroRemovedBiases();
            }
            return Networks.accuracy(model, probe, EVAL_BATCH);
        } finally {
            for (int i = 0; i < layers.size(); i++) {
                layers.get(i).kernels().assign(saved.get(i));
                if (savedBias.get(i) != null) layers.get(i).bias().assign(savedBias.get(i));
            }
        }
    }

    private static LatentForward projecting(List<PlanLayer> layers, IntFunction<LayerPlan> plans) {
        return new LatentForward(layers, (l, w) -> KernelProjection.project(w, plans.apply(l.info().index())).weights());
    }

    /** Indices of the layers with at least one 1-bit kernel. */
    static List<Integer> binaryLayers(CompressionPlan plan) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < plan.size(); i++) {
            LayerPlan p = plan.layer(i);
            for (int k = 0; k < p.kernels(); k++) {
                if (p.weightBits(k) == 1) {
                    out.add(i);
                    break;
                }
            }
        }
        return out;
    }

    /** {@code p} with its 1-bit kernels that are not removed at {@code sparsity}. */
    static LayerPlan binarySparsity(LayerPlan p, double sparsity) {
        double[] s = p.sparsity();
        for (int k = 0; k < s.length; k++) if (p.weightBits(k) == 1 && s[k] < 1) s[k] = sparsity;
        return new LayerPlan(p.layer(), p.activationBits(), p.weightBits(), s);
    }

    /** {@code plan} with every kernel's sparsity multiplied by {@code factor} (removed kernels stay removed). */
    static CompressionPlan scaled(CompressionPlan plan, double factor) {
        List<LayerPlan> out = new ArrayList<>();
        for (LayerPlan p : plan.layers()) {
            double[] s = p.sparsity();
            for (int k = 0; k < s.length; k++) if (s[k] < 1) s[k] *= factor;
            out.add(new LayerPlan(p.layer(), p.activationBits(), p.weightBits(), s));
        }
        return new CompressionPlan(plan.schemaVersion(), plan.network(), out);
    }

    private static int countBatches(DataSetIterator it) {
        it.reset();
        int n = 0;
        while (it.hasNext()) {
            it.next();
            n++;
        }
        it.reset();
        return n;
    }
}
