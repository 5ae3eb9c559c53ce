package kernelwise.env.hardware;

import kernelwise.env.Cost;
import kernelwise.models.plan.CompressionPlan;
import kernelwise.models.plan.LayerInfo;
import kernelwise.models.plan.LayerPlan;
import kernelwise.models.plan.NetworkSpec;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Bit-operations (BOPs, as in {@link kernelwise.models.compress.PlanCounts}): kept MACs x weight bits x activation
 * bits, an idealised machine that skips pruned weights and scales perfectly with bits. Latency is
 * {@code BOPs / bopsPerCycle} cycles at {@code clockHz}; energy is {@code pjPerBop} per bit-operation. Float
 * operands count as 32 bits.
 */
public final class BopsModel implements HardwareModel {

    /**
     * @param bopsPerCycle bit-operations per cycle
     * @param clockHz      clock frequency
     * @param pjPerBop     energy per bit-operation
     * @param notes        free text (ignored by the model)
     */
    public record Params(double bopsPerCycle, double clockHz, double pjPerBop, Map<String, String> notes) {
        public Params {
            RooflineModel.positive("bops", "bopsPerCycle", bopsPerCycle);
            RooflineModel.positive("bops", "clockHz", clockHz);
            RooflineModel.nonNegative("bops", "pjPerBop", pjPerBop);
            notes = notes == null ? Map.of() : Map.copyOf(notes);
        }

        /** Parameters from {@code file}, or the shipped defaults when it is null. */
        public static Params load(Path file) throws IOException {
            return ParamsFiles.load(Params.class, "bops", file);
        }
    }

    private final Params p;

    public BopsModel(Params params) {
        this.p = params;
    }

    @Override
    public String name() {
        return "bops";
    }

    /** Bit-operations of one layer: kept MACs x weight bits x activation bits. */
    public static double layerBops(LayerInfo l, LayerPlan plan) {
        double bops = 0;
        for (int k = 0; k < l.kernels(); k++) {
            bops += (double) plan.keptWeights(k, l.fanIn()) * l.outputPositions() * plan.weightBits(k);
        }
        return bops * plan.activationBits();
    }

    /** Cycles {@code BOPs / bopsPerCycle} (no memory bound), energy {@code BOPs * pjPerBop}. */
    @Override
    public Cost cost(NetworkSpec spec, CompressionPlan plan) {
        return LayerCosts.total(name(), p.clockHz(), spec, plan, (l, lp) -> {
            double bops = layerBops(l, lp);
            return new LayerTiming(bops / p.bopsPerCycle(), 0, bops * p.pjPerBop());
        });
    }
}
