package kernelwise.models.train;

import org.deeplearning4j.nn.api.Model;

/**
 * A trained network with its card.
 *
 * @param network the network (MultiLayerNetwork or ComputationGraph)
 * @param card    its sidecar
 * @param trained whether it was trained just now (by {@link ModelStore#loadOrTrain}) rather than loaded
 */
public record StoredModel(Model network, ModelCard card, boolean trained) {
}
