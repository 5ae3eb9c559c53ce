package kernelwise.models.compress;

import kernelwise.models.plan.CompressionPlan;
import kernelwise.models.plan.LayerInfo;
import kernelwise.models.plan.LayerPlan;
import kernelwise.models.plan.NetworkSpec;

/**
 * Exact counts of a plan on a network, from the shapes alone (no weights needed).
 *
 * @param keptWeights     weights not pruned, all layers
 * @param weightBits      bits of the kept weights at their widths (float kernels at 32), all layers
 * @param layerWeightBits the same per layer
 * @param storageBits     bits of the packed {@code .kw} weight payload: {@link KernelStorage} summed over kernels
 * @param bops            bit-operations per image: kept MACs x weight bits x activation bits
 * @param flops           floating-point operations per image of the kept MACs (2 per MAC)
 */
public record PlanCounts(long keptWeights, long weightBits, long[] layerWeightBits, long storageBits, long bops, long flops) {

    public PlanCounts {
        layerWeightBits = layerWeightBits.clone();
    }

    @Override
    public long[] layerWeightBits() {
        return layerWeightBits.clone();
    }

    /** Counts {@code plan} on {@code spec}; the plan must match the spec. */
    public static PlanCounts of(NetworkSpec spec, CompressionPlan plan) {
        plan.checkAgainst(spec);
        long kept = 0, bits = 0, storage = 0, bops = 0, macs = 0;
        long[] perLayer = new long[spec.size()];
        for (int i = 0; i < spec.size(); i++) {
            LayerInfo l = spec.layer(i);
            LayerPlan p = plan.layer(i);
            int a = p.activationBits();
            for (int k = 0; k < l.kernels(); k++) {
                int w = p.weightBits(k);
                int keptK = p.keptWeights(k, l.fanIn());
                kept += keptK;
                perLayer[i] += (long) keptK * w;
                storage += KernelStorage.bits(l.fanIn(), keptK, w);
                long keptMacs = (long) keptK * l.outputPositions();
                macs += keptMacs;
                bops += keptMacs * w * a;
            }
            bits += perLayer[i];
        }
        return new PlanCounts(kept, bits, perLayer, storage, bops, 2 * macs);
    }
}
