package kernelwise.models.plan;

/** The kinds of layer whose kernels a plan compresses. */
public enum LayerKind {
    /** 2-D convolution; a kernel is one output channel, {@code kH x kW x inC} weights. */
    CONV,
    /** Fully connected hidden layer; a kernel is one output unit, a column of {@code W}. */
    DENSE,
    /** The output (classifier) layer; kernels as for {@link #DENSE}. */
    OUTPUT
}
