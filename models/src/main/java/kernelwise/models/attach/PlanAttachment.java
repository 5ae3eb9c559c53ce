package kernelwise.models.attach;

import kernelwise.models.compress.ActivationQuant;
import kernelwise.models.compress.ActivationRanges;
import kernelwise.models.compress.CompressibleLayer;
import kernelwise.models.compress.FakeQuantPreProcessor;
import kernelwise.models.compress.FastPlanScorer;
import kernelwise.models.compress.KernelProjection;
import kernelwise.models.compress.LayerWeights;
import kernelwise.models.compress.NetworkSpecs;
import kernelwise.models.export.KwFile;
import kernelwise.models.plan.CompressionPlan;
import kernelwise.models.plan.LayerPlan;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.updater.BaseMultiLayerUpdater;
import org.deeplearning4j.nn.updater.UpdaterBlock;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link CompressionPlan} attached to a DL4J network, so that the network's own {@code fit(...)} (the user's data,
 * listeners, schedules, early stopping) trains into the plan:
 * <ul>
 *   <li>the forward pass of every compressible layer (dense, output, 2-D conv) computes with its latent float weights
 *       projected onto the plan (per kernel: the pruning mask fixed at attach time, the kernel's bits, its scale on the
 *       layer's grid, {@link KernelProjection}) and its bias as the packed file stores it (int8); the gradient lands on
 *       the latent weights unchanged (straight-through);</li>
 *   <li>after every updater step the pruned weights, the biases of removed kernels and their updater state (Adam's
 *       moments, ...) are set back to exactly zero;</li>
 *   <li>each compressible layer's input is fake-quantized to the plan's activation bits, with ranges calibrated once,
 *       at attach time, on the float network;</li>
 *   <li>evaluation ({@code output}, {@code evaluate}) runs the same quantized forward pass, so it measures the plan.</li>
 * </ul>
 * DL4J's hooks for this are the layer configuration's weight noise (asked for every weight in forward and backward) and
 * constraints (run after every update); batch norm takes neither and stays float, as the packed file keeps it.
 * <p>
 * No hook leaks into a saved model: the configuration JSON of an attached network (what {@code ModelSerializer} and
 * {@code network.save(..)} write) names no Kernelwise class, so the zip loads in plain DL4J as the latent float network
 * (pruned weights zero), and {@code clone()} of an attached network is a plain network. {@link #writeKw} writes the plan's
 * network. Not thread-safe, like the network itself.
 */
public final class PlanAttachment {

    private static final String PREPROCESSOR_FIELD = "layerPreProcessor";

    private final Model network;
    private final CompressionPlan plan;
    private final ActivationRanges ranges;
    private final List<LayerHook> hooks = new ArrayList<>();
    private final java.util.Set<Layer> hadNoConstraints = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    private final Map<Layer, List<INDArray[]>> stateViews = new IdentityHashMap<>();
    private Map<Integer, InputPreProcessor> ownPreProcessors;
    private final Map<String, InputPreProcessor> ownVertexPreProcessors = new HashMap<>();
    private Object stateOf;
    private boolean attached;

    private PlanAttachment(Model network, CompressionPlan plan, ActivationRanges ranges) {
        this.network = network;
        this.plan = plan;
        this.ranges = ranges;
    }

    /**
     * Attaches a plan whose activations are all float (32 bits); otherwise use an overload with calibration data.
     *
     * @see #attach(Model, CompressionPlan, DataSet)
     */
    public static PlanAttachment attach(Model network, CompressionPlan plan) {
        return attach(network, plan, (DataSet) null);
    }

    /**
     * Attaches {@code plan} to {@code network} (a {@link MultiLayerNetwork} or {@link ComputationGraph}). The network's
     * weights are pruned at once (per kernel, the plan's sparsity by magnitude: that mask stays fixed), its configuration
     * gets the hooks described in the class comment, and the updater state starts afresh (Adam's moments zero, as
     * {@code finetune}'s retraining starts a fresh updater): moments gathered on the float network mislead the first
     * hundreds of steps after pruning (on a searched 1/364-size LeNet-5 plan, 3 epochs on 8,000 MNIST images: 69.06%
     * kept against 79.13% reset; {@code bench userloop}). Nothing else changes (listeners, learning rates, iteration count).
     *
     * @param calibration examples (up to the first 1,000 are used) whose compressible-layer inputs give the activation
     *                    ranges, measured on the float network before pruning; may be null if the plan keeps all
     *                    activations in float
     * @throws IllegalArgumentException (one line, naming the layer) if the plan does not fit the network, a layer is of a
     *                                  kind a plan cannot hold, or calibration data is missing; the network is unchanged
     * @throws IllegalStateException    if a plan is already attached to it; the network is unchanged
     */
    public static PlanAttachment attach(Model network, CompressionPlan plan, DataSet calibration) {
        List<CompressibleLayer> layers = Checks.layers(network, plan);
        if (calibration == null && quantizesActivations(plan)) {
            String layer = plan.layers().stream().filter(l -> l.activationBits() != CompressionPlan.FLOAT_BITS).findFirst().orElseThrow().layer();
            throw new IllegalArgumentException("layer '" + layer + "': the plan quantizes its input activations; attach with calibration data for their ranges");
        }
        ActivationRanges ranges = calibration == null
                ? new ActivationRanges(new double[layers.size()], new double[layers.size()])
                : FastPlanScorer.calibrate(network, calibration);
        PlanAttachment a = new PlanAttachment(network, plan, ranges);
        a.install(layers);
        return a;
    }

    /**
     * As {@link #attach(Model, CompressionPlan, DataSet)}, calibrating on the first batches of {@code calibration}
     * (up to 1,000 examples; the iterator is reset before and after).
     */
    public static PlanAttachment attach(Model network, CompressionPlan plan, DataSetIterator calibration) {
        Checks.layers(network, plan);
        return attach(network, plan, calibration == null ? null : firstExamples(calibration, FastPlanScorer.CALIBRATION_IMAGES));
    }

    /** The network the plan is attached to. */
    public Model network() {
        return network;
    }

    /** The attached plan. */
    public CompressionPlan plan() {
        return plan;
    }

    /** The activation ranges the forward pass quantizes with (0 to 0 for float layers), as {@link #writeKw} stores them. */
    public ActivationRanges ranges() {
        return ranges;
    }

    /** Whether the plan is still attached ({@link #detach} not called). */
    public boolean attached() {
        return attached;
    }

    /**
     * Removes the hooks: the network is a plain DL4J network again, holding the trained latent float weights (pruned
     * weights zero until further training moves them). Its own weight noise, constraints and preprocessors are as
     * before {@link #attach}. Calling it twice does nothing.
     */
    public void detach() {
        if (!attached) return;
        for (LayerHook h : hooks) {
            BaseLayer conf = (BaseLayer) h.layer().conf().getLayer();
            conf.setWeightNoise(null);
            List<org.deeplearning4j.nn.api.layers.LayerConstraint> own = ((PlanConstraints) conf.getConstraints()).users();
            conf.setConstraints(own.isEmpty() && hadNoConstraints.contains(h.layer()) ? null : own);
        }
        if (network instanceof MultiLayerNetwork mln) mln.getLayerWiseConfigurations().setInputPreProcessors(ownPreProcessors);
        if (network instanceof ComputationGraph cg) {
            for (Map.Entry<String, InputPreProcessor> e : ownVertexPreProcessors.entrySet()) setVertexPreProcessor(cg, e.getKey(), e.getValue());
        }
        attached = false;
    }

    /**
     * Writes the packed {@code .kw} file of the network in its plan: exactly the weights, biases and activation ranges
     * the attached forward pass computes with (read back by {@link KwFile#read}); written to a temporary file, then moved.
     *
     * @param source free-form provenance stored in the file (model, data, ...), may be empty
     * @return the file's size in bytes
     * @throws IllegalStateException if the plan was detached (the network may have trained without it since)
     */
    public long writeKw(Path file, Map<String, ?> source) throws IOException {
        requireAttached("writeKw");
        Model copy = copyInPlan();
        return KwFile.write(copy, plan, ranges, source, file);
    }

    /** As {@link #writeKw(Path, Map)} with no provenance but the route ({@code "attach"}). */
    public long writeKw(Path file) throws IOException {
        return writeKw(file, Map.of("route", "attach"));
    }

    /**
     * Saves the attached network as a DL4J zip with its updater state (to a temporary file, then moved): the same as
     * {@code ModelSerializer.writeModel(network, file, true)}, which is also safe while attached: the saved
     * configuration names no Kernelwise class and restores in plain DL4J as the latent float network.
     */
    public void save(Path file) throws IOException {
        requireAttached("save");
        kernelwise.models.AtomicWrite.write(file, f -> {
            ModelSerializer.writeModel(network, f.toFile(), true);
            return null;
        });
    }

    /** A plain copy of the network whose compressible weights are their projection onto the plan. */
    private Model copyInPlan() {
        Model copy = network instanceof MultiLayerNetwork m ? m.clone() : ((ComputationGraph) network).clone();
        List<CompressibleLayer> layers = NetworkSpecs.layers(copy);
        for (int i = 0; i < hooks.size(); i++) {
            INDArray w = layers.get(i).layer().getParam(LayerWeights.WEIGHT_KEY);
            w.assign(hooks.get(i).weights(hooks.get(i).layer().getParam(LayerWeights.WEIGHT_KEY)));
        }
        return copy;
    }

    /** The hooks, in the plan's layer order (for tests in this package). */
    List<LayerHook> hooks() {
        return hooks;
    }

    private void requireAttached(String what) {
        if (!attached) throw new IllegalStateException("the plan was detached from this network: attach it again before " + what);
    }

    /** Refuses a hook call after detaching (a hook kept past {@link #detach}). */
    void check(LayerHook hook) {
        if (!attached) {
            throw new IllegalStateException("layer '" + hook.info().name() + "': its plan was detached; attach it again (PlanAttachment.attach) to train into it");
        }
    }

    /** Sets the updater state of {@code hook}'s pruned weights and removed biases to zero. */
    void clearUpdaterState(LayerHook hook) {
        BaseMultiLayerUpdater<?> updater = updater();
        if (updater == null) return;
        if (stateOf != updater) {
            stateViews.clear();
            stateOf = updater;
        }
        for (INDArray[] view : stateViews.computeIfAbsent(hook.layer(), l -> stateViews(updater, hook))) view[0].muli(view[1]);
    }

    private BaseMultiLayerUpdater<?> updater() {
        Object u = network instanceof MultiLayerNetwork m ? m.getUpdater(false) : ((ComputationGraph) network).getUpdater(false);
        return u instanceof BaseMultiLayerUpdater<?> b ? b : null;
    }

    /**
     * Per updater-state segment of the hook's W and b, the segment (a view) and the flat 0/1 mask. DL4J's updaters keep,
     * per block of parameters, {@code s} state vectors of the block's length (Adam: m then v), each aligned with the
     * block's flattened parameters.
     */
    private static List<INDArray[]> stateViews(BaseMultiLayerUpdater<?> updater, LayerHook hook) {
        List<INDArray[]> out = new ArrayList<>();
        for (UpdaterBlock block : updater.getUpdaterBlocks()) {
            INDArray view = block.getUpdaterView();
            if (view == null || view.length() == 0) continue;
            long length = 0;
            for (UpdaterBlock.ParamState p : block.getLayersAndVariablesInBlock()) length += p.getParamView().length();
            long segments = view.length() / length;
            INDArray flat = view.reshape(view.length());
            long offset = 0;
            for (UpdaterBlock.ParamState p : block.getLayersAndVariablesInBlock()) {
                long n = p.getParamView().length();
                boolean ours = p.getLayer() == hook.layer()
                        && (LayerWeights.WEIGHT_KEY.equals(p.getParamName()) || LayerWeights.BIAS_KEY.equals(p.getParamName()));
                if (ours) {
                    INDArray mask = hook.flatMask(p.getParamName()).castTo(view.dataType());
                    for (long s = 0; s < segments; s++) out.add(new INDArray[]{flat.get(NDArrayIndex.interval(s * length + offset, s * length + offset + n)), mask});
                }
                offset += n;
            }
        }
        return out;
    }

    private void install(List<CompressibleLayer> layers) {
        ActivationQuant[] quants = ranges.quants(plan);
        Map<Integer, InputPreProcessor> quantizers = new HashMap<>();
        for (int i = 0; i < layers.size(); i++) {
            CompressibleLayer c = layers.get(i);
            LayerPlan lp = plan.layer(i);
            INDArray w = c.layer().getParam(LayerWeights.WEIGHT_KEY);
            INDArray kernels = c.info().kind() == kernelwise.models.plan.LayerKind.CONV ? w.reshape('c', c.info().kernels(), c.info().fanIn()) : w.transpose();
            INDArray mask = KernelProjection.mask(kernels, lp).castTo(DataType.FLOAT);
            INDArray bias = c.layer().paramTable().containsKey(LayerWeights.BIAS_KEY) ? c.layer().getParam(LayerWeights.BIAS_KEY) : null;
            FakeQuantPreProcessor input = quants[i] == null ? null : new FakeQuantPreProcessor(ownPreProcessor(c));
            LayerHook hook = new LayerHook(this, c.layer(), c.info(), lp, mask, LayerHook.biasMask(lp, c.info(), bias), quants[i], input);
            hooks.add(hook);
            if (input != null && network instanceof MultiLayerNetwork) quantizers.put(c.layer().getIndex(), input);
        }
        attached = true;
        for (LayerHook h : hooks) {
            h.mask(h.layer());
            BaseLayer conf = (BaseLayer) h.layer().conf().getLayer();
            if (conf.getConstraints() == null) hadNoConstraints.add(h.layer());
            conf.setConstraints(new PlanConstraints(conf.getConstraints(), h));
            conf.setWeightNoise(new PlanWeightNoise(h));
        }
        BaseMultiLayerUpdater<?> updater = updater();
        if (updater != null && updater.getStateViewArray() != null) updater.getStateViewArray().assign(0);
        if (network instanceof MultiLayerNetwork mln) {
            ownPreProcessors = new HashMap<>(mln.getLayerWiseConfigurations().getInputPreProcessors());
            mln.getLayerWiseConfigurations().setInputPreProcessors(new PlanPreProcessors(ownPreProcessors, quantizers));
        } else {
            ComputationGraph cg = (ComputationGraph) network;
            for (LayerHook h : hooks) {
                if (h.input() == null) continue;
                ownVertexPreProcessors.put(h.info().name(), h.input().inner());
                setVertexPreProcessor(cg, h.info().name(), h.input());
            }
        }
    }

    private InputPreProcessor ownPreProcessor(CompressibleLayer c) {
        if (network instanceof MultiLayerNetwork mln) return mln.getLayerWiseConfigurations().getInputPreProcess(c.layer().getIndex());
        return ((org.deeplearning4j.nn.graph.vertex.impl.LayerVertex) ((ComputationGraph) network).getVertex(c.info().name())).getLayerPreProcessor();
    }

    /** A ComputationGraph keeps each layer's preprocessor in its runtime vertex (final field, no setter). */
    private static void setVertexPreProcessor(ComputationGraph cg, String vertex, InputPreProcessor pre) {
        try {
            java.lang.reflect.Field f = org.deeplearning4j.nn.graph.vertex.impl.LayerVertex.class.getDeclaredField(PREPROCESSOR_FIELD);
            f.setAccessible(true);
            f.set(cg.getVertex(vertex), pre);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("vertex '" + vertex + "': cannot set its input quantizer in this DL4J version (" + e + ")", e);
        }
    }

    static boolean quantizesActivations(CompressionPlan plan) {
        return plan.layers().stream().anyMatch(l -> l.activationBits() != CompressionPlan.FLOAT_BITS);
    }

    private static DataSet firstExamples(DataSetIterator it, int max) {
        List<DataSet> parts = new ArrayList<>();
        int n = 0;
        it.reset();
        while (it.hasNext() && n < max) {
            DataSet d = it.next();
            parts.add(d);
            n += d.numExamples();
        }
        it.reset();
        if (parts.isEmpty()) throw new IllegalArgumentException("the calibration iterator gave no examples");
        return DataSet.merge(parts);
    }
}
