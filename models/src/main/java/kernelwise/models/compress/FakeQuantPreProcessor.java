package kernelwise.models.compress;

import org.deeplearning4j.nn.api.MaskState;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Fake-quantizes a DL4J layer's input, after the layer's own preprocessor (if any). The backward pass is the
 * straight-through estimator: the gradient goes through unchanged (then through the inner preprocessor). Its
 * quantizer is mutable so that one network serves many plans; null means float. Used by the DL4J path of
 * scoring (networks the direct forward pass does not support) and by quantization-aware training; never saved.
 */
public final class FakeQuantPreProcessor implements InputPreProcessor {

    private static final long serialVersionUID = 1L;

    private final InputPreProcessor inner;
    private transient ActivationQuant quant;
    private transient java.util.function.Consumer<INDArray> observer;

    public FakeQuantPreProcessor(InputPreProcessor inner) {
        this.inner = inner;
    }

    public void setQuant(ActivationQuant quant) {
        this.quant = quant;
    }

    /** Receives every float input (after the inner preprocessor) until set to null; for calibration. */
    public void setObserver(java.util.function.Consumer<INDArray> observer) {
        this.observer = observer;
    }

    /** The layer's own preprocessor this one wraps, or null. */
    public InputPreProcessor inner() {
        return inner;
    }

    public ActivationQuant quant() {
        return quant;
    }

    @Override
    public INDArray preProcess(INDArray input, int miniBatchSize, LayerWorkspaceMgr mgr) {
        INDArray x = inner == null ? input : inner.preProcess(input, miniBatchSize, mgr);
        if (observer != null) observer.accept(x);
        if (quant == null) return x;
        return quant.applyInPlace(mgr.dup(ArrayType.ACTIVATIONS, x));
    }

    @Override
    public INDArray backprop(INDArray output, int miniBatchSize, LayerWorkspaceMgr mgr) {
        return inner == null ? output : inner.backprop(output, miniBatchSize, mgr);
    }

    @Override
    public FakeQuantPreProcessor clone() {
        FakeQuantPreProcessor c = new FakeQuantPreProcessor(inner == null ? null : inner.clone());
        c.quant = quant;
        return c;
    }

    @Override
    public InputType getOutputType(InputType inputType) {
        return inner == null ? inputType : inner.getOutputType(inputType);
    }

    @Override
    public Pair<INDArray, MaskState> feedForwardMaskArray(INDArray maskArray, MaskState currentMaskState, int minibatchSize) {
        return inner == null ? new Pair<>(maskArray, currentMaskState) : inner.feedForwardMaskArray(maskArray, currentMaskState, minibatchSize);
    }
}
