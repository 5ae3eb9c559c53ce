package kernelwise.env.hardware;

import kernelwise.env.Resource;
import kernelwise.env.Cost;
import kernelwise.models.compress.KernelStorage;
import kernelwise.models.plan.CompressionPlan;
import kernelwise.models.plan.NetworkSpec;

import java.util.EnumSet;
import java.util.Set;

/**
 * Model size only: the packed {@code .kw} weight payload, kernel by kernel through {@link KernelStorage} (tag,
 * scale, sparse positions, kept weights), so it matches the exporter bit for bit before byte padding. Pruned
 * weights are skipped (only kept weights are stored). Latency and energy are not modelled (reported as 0).
 */
public final class SizeModel implements HardwareModel {

    @Override
    public String name() {
        return "size";
    }

    @Override
    public Cost cost(NetworkSpec spec, CompressionPlan plan) {
        plan.checkAgainst(spec);
        double[] zeros = new double[spec.size()];
        return new Cost(name(), 0, 0, 0, Traffic.storageBits(spec, plan), zeros, zeros);
    }

    /** Packed weight bits of each layer of {@code plan}. */
    public static double[] layerBits(NetworkSpec spec, CompressionPlan plan) {
        double[] bits = new double[spec.size()];
        for (int i = 0; i < spec.size(); i++) bits[i] = Traffic.weightBits(spec.layer(i), plan.layer(i));
        return bits;
    }

    @Override
    public Set<Resource> resources() {
        return EnumSet.of(Resource.SIZE);
    }
}
