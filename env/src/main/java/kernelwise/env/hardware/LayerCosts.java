package kernelwise.env.hardware;

import kernelwise.env.Cost;
import kernelwise.models.plan.CompressionPlan;
import kernelwise.models.plan.LayerInfo;
import kernelwise.models.plan.LayerPlan;
import kernelwise.models.plan.NetworkSpec;

/** Prices a plan layer by layer, the layers running one after another. */
final class LayerCosts {

    /** The timing of one layer under its plan. */
    @FunctionalInterface
    interface Pricer {
        LayerTiming price(LayerInfo l, LayerPlan p);
    }

    private LayerCosts() {
    }

    /**
     * The cost of {@code plan} on {@code spec} (checked to match) whose layers {@code pricer} times: per-layer
     * cycles and energy, totals summed in layer order, seconds at {@code clockHz}, storage the packed weight bits
     * ({@link Traffic}).
     */
    static Cost total(String model, double clockHz, NetworkSpec spec, CompressionPlan plan, Pricer pricer) {
        plan.checkAgainst(spec);
        double[] cycles = new double[spec.size()];
        double[] energy = new double[spec.size()];
        double totalCycles = 0, totalEnergy = 0;
        for (int i = 0; i < spec.size(); i++) {
            LayerTiming t = pricer.price(spec.layer(i), plan.layer(i));
            cycles[i] = t.cycles();
            energy[i] = t.energyPj();
            totalCycles += cycles[i];
            totalEnergy += energy[i];
        }
        return new Cost(model, totalCycles, totalCycles / clockHz, totalEnergy, Traffic.storageBits(spec, plan), cycles, energy);
    }
}
