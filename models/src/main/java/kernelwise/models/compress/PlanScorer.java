package kernelwise.models.compress;

import kernelwise.models.plan.CompressionPlan;
import kernelwise.models.plan.NetworkSpec;

/** Scores plans for one network on one evaluation split. Implementations are not thread-safe. */
public interface PlanScorer {

    /** The network's compressible layers. */
    NetworkSpec spec();

    /** Applies {@code plan} to the working copy and measures its accuracy and counts. */
    PlanScore score(CompressionPlan plan);
}
