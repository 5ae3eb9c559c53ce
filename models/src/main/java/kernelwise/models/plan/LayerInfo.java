package kernelwise.models.plan;

/**
 * The shape facts of one compressible layer, as the environment, the hardware models and the plan need them.
 *
 * @param index      position among the network's compressible layers (0-based)
 * @param name       the layer's name in the DL4J network (a vertex name for a ComputationGraph)
 * @param kind       conv, dense or output
 * @param kernels    number of kernels (conv output channels, dense output units)
 * @param fanIn      weights per kernel ({@code kH*kW*inChannels} for conv, {@code nIn} for dense)
 * @param inChannels input channels (conv) or input units (dense)
 * @param kernelH    kernel height (1 for dense)
 * @param kernelW    kernel width (1 for dense)
 * @param stride     stride (1 for dense)
 * @param inH        input feature-map height (1 for dense)
 * @param inW        input feature-map width (1 for dense)
 * @param outH       output feature-map height (1 for dense)
 * @param outW       output feature-map width (1 for dense)
 */
public record LayerInfo(int index, String name, LayerKind kind, int kernels, int fanIn, int inChannels,
                        int kernelH, int kernelW, int stride, int inH, int inW, int outH, int outW) {

    public LayerInfo {
        if (index < 0) throw new IllegalArgumentException("index must be >= 0, found " + index);
        if (name == null || name.isBlank()) throw new IllegalArgumentException("layer name must not be blank, found '" + name + "'");
        if (kind == null) throw new IllegalArgumentException("kind of layer " + name + " must not be null");
        if (kernels <= 0) throw new IllegalArgumentException("kernels of layer " + name + " must be positive, found " + kernels);
        if (fanIn <= 0) throw new IllegalArgumentException("fanIn of layer " + name + " must be positive, found " + fanIn);
        if (outH <= 0 || outW <= 0) throw new IllegalArgumentException("output map of layer " + name + " must be positive, found " + outH + "x" + outW);
    }

    /** Number of weights (bias excluded). */
    public long weights() {
        return (long) kernels * fanIn;
    }

    /** Output positions per image: {@code outH*outW} (1 for dense). */
    public long outputPositions() {
        return (long) outH * outW;
    }

    /** Multiply-accumulates per image for the dense (unpruned) layer. */
    public long macs() {
        return weights() * outputPositions();
    }

    /** Multiply-accumulates per image of one kernel. */
    public long macsPerKernel() {
        return (long) fanIn * outputPositions();
    }
}
