package kernelwise.env.hardware;

import kernelwise.env.Resource;
import kernelwise.env.Cost;
import kernelwise.models.plan.CompressionPlan;
import kernelwise.models.plan.NetworkSpec;

import java.util.EnumSet;
import java.util.Set;

/**
 * A cost model of one inference (one image) of a compressed network on some hardware. Implementations are
 * stateless after construction and therefore thread-safe.
 */
public interface HardwareModel {

    /** A short name: {@code bitfusion}, {@code bismo}, {@code size}, {@code bops}, {@code table}. */
    String name();

    /** The latency, energy and storage of {@code plan} on {@code spec}; the plan must match the spec. */
    Cost cost(NetworkSpec spec, CompressionPlan plan);

    /** The resources this model prices (a budget on another resource is refused). */
    default Set<Resource> resources() {
        return EnumSet.allOf(Resource.class);
    }
}
