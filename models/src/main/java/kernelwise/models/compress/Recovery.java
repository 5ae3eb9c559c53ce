package kernelwise.models.compress;

/**
 * What a scorer does to a projected plan before it measures its accuracy, so that the score predicts the accuracy
 * the plan reaches after fine-tuning better than the raw projection does. Each step fits on a fixed set of training
 * images, layer by layer in network order, each layer seeing the outputs of the layers already recovered; the plan
 * (bits, kept weights) is never changed, and the next plan starts again from the original weights.
 */
public enum Recovery {
    /** Score the projection as it is. */
    NONE,
    /** Bias correction: each kernel's bias moves by the mean gap between the float layer's output and its own. */
    BIAS,
    /**
     * Least-squares reconstruction (AMC's): each kernel's kept weights and bias are refit to the float layer's
     * output from the compressed layer's own input, then quantized again to the kernel's bits under its mask.
     */
    LSQ
}
