package kernelwise.models.finetune;

import org.deeplearning4j.nn.gradient.Gradient;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.List;

/**
 * Straight-through training: each forward pass sees transformed weights (quantized, masked, binarized), while
 * the gradient found there is applied to latent real-valued weights. Before a batch the latent weights are saved
 * and the transform written into the network; when the gradient is known, the latent weights are put back, so
 * the updater's step moves them. After training the network holds the latent weights.
 */
final class LatentForward implements TrainingHook {

    /** The weights a forward pass sees, for one layer's latent {@code [kernels, fanIn]} weights. */
    @FunctionalInterface
    interface Transform {
        INDArray apply(PlanLayer layer, INDArray latent);
    }

    private final List<PlanLayer> layers;
    private final Transform transform;
    private final INDArray[] latent;

    LatentForward(List<PlanLayer> layers, Transform transform) {
        this.layers = layers;
        this.transform = transform;
        this.latent = new INDArray[layers.size()];
        for (int i = 0; i < layers.size(); i++) latent[i] = layers.get(i).kernels().dup('c');
    }

    @Override
    public void beforeBatch(long iteration) {
        for (int i = 0; i < layers.size(); i++) {
            INDArray w = layers.get(i).kernels();
            latent[i].assign(w);
            w.assign(transform.apply(layers.get(i), latent[i]));
        }
    }

    @Override
    public void onGradient(Gradient gradient) {
        for (int i = 0; i < layers.size(); i++) layers.get(i).kernels().assign(latent[i]);
    }

    /** The latent weights of layer {@code i} as of the last batch (read-only use). */
    INDArray latent(int i) {
        return latent[i];
    }
}
