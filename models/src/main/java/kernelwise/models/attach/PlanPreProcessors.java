package kernelwise.models.attach;

import org.deeplearning4j.nn.conf.InputPreProcessor;

import java.util.HashMap;
import java.util.Map;

/**
 * A MultiLayerNetwork's input preprocessors while a plan is attached: its entries are the network's own (so its JSON
 * form and copies are the network's own), while {@link #get} gives DL4J, which looks a layer's preprocessor up at
 * every forward pass, the plan's activation quantizer wrapping the layer's own preprocessor.
 */
final class PlanPreProcessors extends HashMap<Integer, InputPreProcessor> {

    private static final long serialVersionUID = 1L;

    private final transient Map<Integer, InputPreProcessor> quantizers;

    PlanPreProcessors(Map<Integer, InputPreProcessor> own, Map<Integer, InputPreProcessor> quantizers) {
        super(own);
        this.quantizers = Map.copyOf(quantizers);
    }

    @Override
    public InputPreProcessor get(Object key) {
        InputPreProcessor q = quantizers.get(key);
        return q != null ? q : super.get(key);
    }

    /** The network's own preprocessors, as a plain map. */
    Map<Integer, InputPreProcessor> own() {
        return new HashMap<>(this);
    }
}
