package kernelwise.env.obs;

import kernelwise.env.action.ActionMapper;
import kernelwise.models.plan.LayerInfo;
import kernelwise.models.plan.NetworkSpec;

/**
 * Builds observations in [0,1], HAQ/AMC style. The HIGH observation of a layer ({@link #HIGH_SIZE} values):
 * <ol start="0">
 *   <li>layer index / (layers-1); 1: kind (conv 0, dense 0.5, output 1);</li>
 *   <li value="2">input channels, 3: kernels (output channels), 4: kernel area, 5: stride, 6: input map area,
 *       7: weights, 8: MACs, each as log(1+x)/log(1+max over the network's layers);</li>
 *   <li value="9">budgeted resource spent by the decided layers over the budget's limit;</li>
 *   <li value="10">what is left of the limit over the reference (8-bit) cost of the layers still to decide;</li>
 *   <li value="11">this layer's share of the reference cost;</li>
 *   <li value="12">12-14: the previous HIGH action.</li>
 * </ol>
 * The LOW observation of a kernel appends ({@link #LOW_SIZE} in all): kernel index / (kernels-1); its L1 norm,
 * standard deviation and max |w| over the largest in the layer; the rank of its L2 norm in the layer (0 smallest,
 * 1 largest); the layer goal (weight bits, sparsity, normalised by the {@link ActionMapper}); the mean weight bits and
 * sparsity of the kernels decided so far in this layer (the goal itself when none is); the fraction of the layer's
 * kernels decided; the previous LOW action. Static features are computed once per network.
 */
public final class ObservationBuilder {

    public static final int HIGH_SIZE = 15;
    public static final int LOW_SIZE = HIGH_SIZE + 12;

    private final NetworkSpec spec;
    private final ActionMapper mapper;
    private final double[][] layerFeatures;     // [layer][0..8]
    private final double[][][] kernelFeatures;  // [layer][kernel][l1, std, max, rank]
    private final double[] referenceLayerCost;
    private final double limit;

    /**
     * @param referenceLayerCost per layer, the budgeted resource of the reference plan
     * @param limit              the budget's limit in the resource's units
     */
    public ObservationBuilder(NetworkSpec spec, KernelStats stats, ActionMapper mapper, double[] referenceLayerCost, double limit) {
        stats.checkAgainst(spec);
        if (!(limit > 0)) throw new IllegalArgumentException("budget limit must be positive, found " + limit);
        this.spec = spec;
        this.mapper = mapper;
        this.referenceLayerCost = referenceLayerCost.clone();
        this.limit = limit;
        this.layerFeatures = LayerFeatures.of(spec);
        this.kernelFeatures = LayerFeatures.kernels(spec, stats);
    }

    /** The HIGH observation for the layer in {@code p}. */
    public double[] high(Progress p) {
        double[] o = new double[HIGH_SIZE];
        fillHigh(o, p);
        return o;
    }

    /** The LOW observation for the kernel in {@code p}. */
    public double[] low(Progress p) {
        double[] o = new double[LOW_SIZE];
        fillHigh(o, p);
        LayerInfo l = spec.layer(p.layer);
        double[] kf = kernelFeatures[p.layer][p.kernel];
        int j = HIGH_SIZE;
        o[j++] = l.kernels() > 1 ? (double) p.kernel / (l.kernels() - 1) : 0;
        for (double v : kf) o[j++] = v;
        double goalBits = mapper.normalizedWeightBits(p.goalBits);
        double goalSparsity = mapper.normalizedSparsity(p.goalSparsity);
        o[j++] = goalBits;
        o[j++] = goalSparsity;
        o[j++] = p.decided == 0 ? goalBits : mapper.normalizedWeightBits(p.sumBits / p.decided);
        o[j++] = p.decided == 0 ? goalSparsity : mapper.normalizedSparsity(p.sumSparsity / p.decided);
        o[j++] = (double) p.decided / l.kernels();
        o[j++] = p.previousLow[0];
        o[j] = p.previousLow[1];
        return o;
    }

    private void fillHigh(double[] o, Progress p) {
        System.arraycopy(layerFeatures[p.layer], 0, o, 0, LayerFeatures.COUNT);
        double rest = 0, total = 0;
        for (int i = 0; i < referenceLayerCost.length; i++) {
            total += referenceLayerCost[i];
            if (i >= p.layer) rest += referenceLayerCost[i];
        }
        o[9] = clamp(p.spent / limit);
        o[10] = rest > 0 ? clamp((limit - p.spent) / rest) : 1;
        o[11] = total > 0 ? referenceLayerCost[p.layer] / total : 0;
        o[12] = p.previousHigh[0];
        o[13] = p.previousHigh[1];
        o[14] = p.previousHigh[2];
    }

    static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }
}
