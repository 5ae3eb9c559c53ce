package kernelwise.env;

import kernelwise.models.compress.PlanCounts;
import kernelwise.models.compress.PlanScore;
import kernelwise.models.compress.PlanScorer;
import kernelwise.models.plan.CompressionPlan;
import kernelwise.models.plan.LayerInfo;
import kernelwise.models.plan.LayerPlan;
import kernelwise.models.plan.NetworkSpec;

/**
 * A deterministic stand-in for the real scorer in tests of the env's mechanics: accuracy falls with each kernel's
 * quantization noise (~2^-bits) and pruned fraction, weighted by the kernel's share of the layer, and with coarse
 * activations. Counts are the real {@link PlanCounts}.
 */
public final class SyntheticScorer implements PlanScorer {

    private final NetworkSpec spec;
    private int calls;

    public SyntheticScorer(NetworkSpec spec) {
        this.spec = spec;
    }

    @Override
    public NetworkSpec spec() {
        return spec;
    }

    public int calls() {
        return calls;
    }

    @Override
    public PlanScore score(CompressionPlan plan) {
        long t0 = System.nanoTime();
        calls++;
        double damage = 0;
        for (int i = 0; i < spec.size(); i++) {
            LayerInfo l = spec.layer(i);
            LayerPlan p = plan.layer(i);
            double layer = 0;
            for (int k = 0; k < l.kernels(); k++) {
                int b = p.weightBits(k);
                double noise = b == CompressionPlan.FLOAT_BITS ? 0 : Math.pow(2, -b);
                layer += noise + 0.5 * p.sparsity(k) * p.sparsity(k);
            }
            int a = p.activationBits();
            damage += layer / l.kernels() + (a == CompressionPlan.FLOAT_BITS ? 0 : 0.5 * Math.pow(2, -a));
        }
        double accuracy = Math.max(0.1, 0.99 - damage / spec.size());
        return new PlanScore(accuracy, PlanCounts.of(spec, plan), (System.nanoTime() - t0) / 1e9);
    }
}
