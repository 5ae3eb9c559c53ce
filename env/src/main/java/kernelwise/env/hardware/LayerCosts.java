package kernelwise.env.hardware;

import kernelwise.env.Cost;
import kernelwise.models.plan.CompressionPlan;
import kernelwise.models.plan.NetworkSpec;

/** Turns per-layer cycles and energy into a {@link Cost}: the layers run one after another. */
final class LayerCosts {

    private LayerCosts() {
    }

    /**
     * The cost of {@code plan} on {@code spec} whose layer {@code i} takes {@code cycles[i]} and {@code energyPj[i]}:
     * totals summed in layer order, seconds at {@code clockHz}, storage the packed weight bits ({@link Traffic}).
     */
    static Cost total(String model, double clockHz, NetworkSpec spec, CompressionPlan plan, double[] cycles, double[] energyPj) {
        double totalCycles = 0, totalEnergy = 0;
        for (int i = 0; i < cycles.length; i++) {
            totalCycles += cycles[i];
            totalEnergy += energyPj[i];
        }
        return new Cost(model, totalCycles, totalCycles / clockHz, totalEnergy, Traffic.storageBits(spec, plan), cycles, energyPj);
    }
}
