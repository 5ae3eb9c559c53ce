package kernelwise.env.hardware;

import kernelwise.env.Cost;
import kernelwise.models.plan.CompressionPlan;
import kernelwise.models.plan.LayerInfo;
import kernelwise.models.plan.LayerPlan;
import kernelwise.models.plan.NetworkSpec;

/**
 * An array accelerator priced layer by layer on a roofline, the layers running one after another. Each layer's
 * kernels are grouped into tiles of {@link ArrayParams#tileWidth()} kernels at the widest kernel's bits
 * ({@link Tiles}); compute is the sum of the tiles' cycles ({@link #tileCycles}, what a model states), memory is the
 * layer's DRAM traffic ({@link Traffic}) over the DRAM interface, and the two overlap. Energy is
 * {@code corePjPerCycle} per compute cycle, plus what a model adds for on-chip buffers ({@link #bufferEnergyPj}),
 * plus {@code dramPjPerBit} per DRAM bit. Float operands are computed at {@code floatBits}.
 *
 * @param <P> the model's parameter record
 */
abstract class RooflineModel<P extends RooflineModel.ArrayParams> implements HardwareModel {

    /** The parameters every roofline array has; a model's record may name its components otherwise. */
    interface ArrayParams {
        double clockHz();

        /** Fixed-point width float operands are computed at. */
        int floatBits();

        /** Kernels per tile: the array's output-channel width. */
        int tileWidth();

        /** Bits moved per cycle between DRAM and the array's buffers. */
        int dramBitsPerCycle();

        double corePjPerCycle();

        double dramPjPerBit();
    }

    private final String name;
    final P p;

    RooflineModel(String name, P params) {
        this.name = name;
        this.p = params;
    }

    @Override
    public String name() {
        return name;
    }

    public P params() {
        return p;
    }

    /** The cost of one tile of layer {@code l} (kernels at {@code w} bits) at effective activation bits {@code a}. */
    abstract Tiles.TileCost tileCycles(LayerInfo l, int a);

    /** Energy of on-chip buffer accesses of one layer, added to core and DRAM energy; none unless a model says. */
    double bufferEnergyPj(LayerInfo l, LayerPlan plan, int a) {
        return 0;
    }

    /** Compute, memory and energy of one layer. */
    final LayerTiming layer(LayerInfo l, LayerPlan plan) {
        int a = Tiles.effective(plan.activationBits(), p.floatBits());
        double compute = Tiles.sum(l, plan, p.tileWidth(), p.floatBits(), tileCycles(l, a));
        double dram = Traffic.dramBits(l, plan, a);
        double memory = Math.ceil(dram / p.dramBitsPerCycle());
        double energy = compute * p.corePjPerCycle() + bufferEnergyPj(l, plan, a) + dram * p.dramPjPerBit();
        return new LayerTiming(compute, memory, energy);
    }

    /** Each layer's timing; the plan must match the spec. */
    public LayerTiming[] timings(NetworkSpec spec, CompressionPlan plan) {
        plan.checkAgainst(spec);
        LayerTiming[] t = new LayerTiming[spec.size()];
        for (int i = 0; i < spec.size(); i++) t[i] = layer(spec.layer(i), plan.layer(i));
        return t;
    }

    @Override
    public Cost cost(NetworkSpec spec, CompressionPlan plan) {
        return LayerCosts.total(name, p.clockHz(), spec, plan, this::layer);
    }

    static void positive(String model, String name, double v) {
        if (!(v > 0) || Double.isInfinite(v)) throw new IllegalArgumentException(model + " " + name + " must be positive, found " + v);
    }

    static void nonNegative(String model, String name, double v) {
        if (!(v >= 0) || Double.isInfinite(v)) throw new IllegalArgumentException(model + " " + name + " must be >= 0, found " + v);
    }

    static void checkFloatBits(String model, int v) {
        if (v < 8 || v > CompressionPlan.FLOAT_BITS) throw new IllegalArgumentException(model + " floatBits must be 8..32, found " + v);
    }
}
