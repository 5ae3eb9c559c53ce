package kernelwise.models.zoo;

import org.deeplearning4j.nn.api.Model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;

/**
 * The networks Kernelwise ships, by name, freshly initialized from a seed. Every network takes the [N, 784]
 * features of {@link kernelwise.models.data.Datasets} (conv nets declare {@code InputType.convolutionalFlat(28, 28, 1)})
 * and outputs softmax probabilities [N, 10]. The seed goes into the configuration; nothing global is seeded.
 */
public final class ModelZoo {
    private static final Map<String, LongFunction<Model>> MODELS = new LinkedHashMap<>();

    static {
        MODELS.put("lenet5", LeNets::lenet5);
        MODELS.put("lenet300", LeNets::lenet300);
        MODELS.put("vgg-small", VggSmall::create);
        MODELS.put("resnet-small", ResNetSmall::create);
    }

    /** Features of one input image: every zoo network takes {@code [N, INPUT_FEATURES]}. */
    public static final int INPUT_FEATURES = 784;

    /** The default model: the one trained when a search finds none stored. */
    public static final String DEFAULT = "lenet5";

    private ModelZoo() {
    }

    /** The names {@link #create} knows, in a fixed order. */
    public static List<String> names() {
        return List.copyOf(MODELS.keySet());
    }

    /** Whether {@code name} is a zoo model. */
    public static boolean contains(String name) {
        return MODELS.containsKey(name);
    }

    /**
     * A new, initialized network: a {@code MultiLayerNetwork}, or a {@code ComputationGraph} for {@code resnet-small}.
     *
     * @throws IllegalArgumentException naming the unknown model and the known ones
     */
    public static Model create(String name, long seed) {
        LongFunction<Model> f = MODELS.get(name);
        if (f == null) {
            throw new IllegalArgumentException("unknown model '" + name + "' (known: " + String.join(", ", names()) + ")");
        }
        return f.apply(seed);
    }
}
