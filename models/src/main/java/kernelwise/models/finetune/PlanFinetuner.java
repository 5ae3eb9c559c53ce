package kernelwise.models.finetune;

import kernelwise.models.data.DataSplits;
import kernelwise.models.plan.CompressionPlan;
import kernelwise.models.train.TrainListener;
import org.deeplearning4j.nn.api.Model;

/**
 * Trains a network into a plan. Implementation: {@link MethodFinetuner}, one per name of
 * {@link FinetuneMethods#NAMES} (qat, ADMM, SLR, AutoPrune, binary), chosen with {@code --method}.
 */
public interface PlanFinetuner {

    /** The name {@code --method} selects this finetuner by. */
    String name();

    /**
     * Fine-tunes a copy of {@code floatModel} into {@code plan} on {@code data.train()}; {@code floatModel} is not
     * modified. Returns a network with the same configuration whose compressible layers hold the trained float
     * weights, pruned weights exactly zero: the plan applies to it by {@link kernelwise.models.compress.KernelProjection}
     * (as scorers and {@code KwFile.write} do), giving the weights the training ran with.
     */
    Model finetune(Model floatModel, CompressionPlan plan, DataSplits data, FinetuneConfig config, TrainListener listener);
}
