package kernelwise.models.zoo;

import org.deeplearning4j.nn.api.Model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import kernelwise.models.data.FeatureShape;

/**
 * The networks Kernelwise ships, by name, freshly initialized from a seed. By default every network takes the
 * [N, 784] features of MNIST (conv nets declare {@code InputType.convolutionalFlat(28, 28, 1)}) and outputs softmax
 * probabilities [N, 10]; {@link #create(String, long, FeatureShape, int)} builds one for another data set's shape and
 * class count (the conv nets need images). The seed goes into the configuration; nothing global is seeded.
 */
public final class ModelZoo {
    private static final Map<String, BiFunction<Long, ZooInput, Model>> MODELS = new LinkedHashMap<>();

    static {
        MODELS.put("lenet5", LeNets::lenet5);
        MODELS.put("lenet300", LeNets::lenet300);
        MODELS.put("vgg-small", VggSmall::create);
        MODELS.put("resnet-small", ResNetSmall::create);
    }

    /** The MNIST image shape the zoo networks take by default. */
    public static final FeatureShape MNIST_SHAPE = FeatureShape.image(1, 28, 28);

    /** Features of one input image: every zoo network takes {@code [N, INPUT_FEATURES]} by default. */
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
        return create(name, seed, MNIST_SHAPE, 10);
    }

    /**
     * A new, initialized network for examples of {@code shape} and {@code classes} classes.
     *
     * @throws IllegalArgumentException naming an unknown model, or a shape the network cannot take
     */
    public static Model create(String name, long seed, FeatureShape shape, int classes) {
        BiFunction<Long, ZooInput, Model> f = MODELS.get(name);
        if (f == null) {
            throw new IllegalArgumentException("unknown model '" + name + "' (known: " + String.join(", ", names()) + ")");
        }
        try {
            return f.apply(seed, new ZooInput(shape, classes));
        } catch (RuntimeException e) {
            if (e instanceof IllegalArgumentException iae && iae.getMessage() != null && iae.getMessage().startsWith(name)) throw iae;
            String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
            throw new IllegalArgumentException(name + " cannot take examples of shape " + shape + ": " + m, e);
        }
    }
}
