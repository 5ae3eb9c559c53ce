package kernelwise.env.budget;

import kernelwise.env.Resource;
import kernelwise.env.Cost;
import kernelwise.env.hardware.HardwareModel;
import kernelwise.models.plan.CompressionPlan;
import kernelwise.models.plan.NetworkSpec;

/**
 * A cheap proxy of how much accuracy compressing a kernel costs per unit of budget it frees: the kernel's L2 norm
 * relative to the largest in its layer, divided by its layer's share of the budgeted resource in the reference plan.
 * Small-norm kernels of costly layers come first. (Multiplying by the share instead would protect the costly layers,
 * the opposite of what fits a budget with the least damage.) Values are floored at 1e-3.
 */
public final class Sensitivity {

    private static final double FLOOR = 1e-3;

    private Sensitivity() {
    }

    /**
     * @param kernelL2 per layer and kernel, the L2 norm of the kernel's weights
     */
    public static double[][] of(NetworkSpec spec, double[][] kernelL2, HardwareModel hardware, Resource resource) {
        CompressionPlan ref = Budget.referencePlan(spec);
        double[] layer = Budget.layerValues(resource, hardware.cost(spec, ref), spec, ref);
        double total = 0;
        for (double v : layer) total += v;
        double[][] s = new double[spec.size()][];
        for (int i = 0; i < spec.size(); i++) {
            double share = Math.max(FLOOR, total > 0 ? layer[i] / total : 1.0 / spec.size());
            double max = 0;
            for (double v : kernelL2[i]) max = Math.max(max, v);
            s[i] = new double[kernelL2[i].length];
            for (int k = 0; k < s[i].length; k++) {
                double rel = max > 0 ? kernelL2[i][k] / max : 1;
                s[i][k] = Math.max(FLOOR, rel) / share;
            }
        }
        return s;
    }
}
