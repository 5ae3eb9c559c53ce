package kernelwise.env.hardware;

import kernelwise.env.Cost;
import kernelwise.models.plan.CompressionPlan;
import kernelwise.models.plan.LayerInfo;
import kernelwise.models.plan.LayerPlan;
import kernelwise.models.plan.NetworkSpec;

/** A model that prices each layer as a {@link LayerTiming} and runs the layers one after another. */
abstract class RooflineModel implements HardwareModel {

    /** The clock in Hz. */
    abstract double clockHz();

    /** Compute, memory and energy of one layer. */
    abstract LayerTiming layer(LayerInfo l, LayerPlan p);

    /** Each layer's timing; the plan must match the spec. */
    public LayerTiming[] timings(NetworkSpec spec, CompressionPlan plan) {
        plan.checkAgainst(spec);
        LayerTiming[] t = new LayerTiming[spec.size()];
        for (int i = 0; i < spec.size(); i++) t[i] = layer(spec.layer(i), plan.layer(i));
        return t;
    }

    @Override
    public Cost cost(NetworkSpec spec, CompressionPlan plan) {
        LayerTiming[] t = timings(spec, plan);
        double[] cycles = new double[t.length];
        double[] energy = new double[t.length];
        double totalCycles = 0, totalEnergy = 0;
        for (int i = 0; i < t.length; i++) {
            cycles[i] = t[i].cycles();
            energy[i] = t[i].energyPj();
            totalCycles += cycles[i];
            totalEnergy += energy[i];
        }
        return new Cost(name(), totalCycles, totalCycles / clockHz(), totalEnergy,
                Traffic.storageBits(spec, plan), cycles, energy);
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
