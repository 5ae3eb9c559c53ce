package kernelwise.env;

import kernelwise.models.plan.CompressionPlan;
import kernelwise.models.plan.LayerPlan;
import kernelwise.models.plan.NetworkSpec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A plan under construction in arrays allocated once per environment and overwritten every episode. */
final class PlanBuffer {

    private final NetworkSpec spec;
    private final String fingerprint;
    final int[] activationBits;
    final int[][] weightBits;
    final double[][] sparsity;

    PlanBuffer(NetworkSpec spec) {
        this.spec = spec;
        this.fingerprint = spec.fingerprint();
        activationBits = new int[spec.size()];
        weightBits = new int[spec.size()][];
        sparsity = new double[spec.size()][];
        for (int i = 0; i < spec.size(); i++) {
            weightBits[i] = new int[spec.layer(i).kernels()];
            sparsity[i] = new double[spec.layer(i).kernels()];
        }
    }

    /** Every layer back to {@code bits}-bit weights and activations, no sparsity. */
    void fill(int bits) {
        Arrays.fill(activationBits, bits);
        for (int i = 0; i < weightBits.length; i++) {
            Arrays.fill(weightBits[i], bits);
            Arrays.fill(sparsity[i], 0);
        }
    }

    /** An immutable plan of the current contents. */
    CompressionPlan toPlan() {
        List<LayerPlan> layers = new ArrayList<>(spec.size());
        for (int i = 0; i < spec.size(); i++) {
            layers.add(new LayerPlan(spec.layer(i).name(), activationBits[i], weightBits[i], sparsity[i]));
        }
        return new CompressionPlan(CompressionPlan.SCHEMA_VERSION, fingerprint, layers);
    }
}
