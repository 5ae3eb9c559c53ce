package kernelwise.models.finetune;

import kernelwise.models.compress.KernelProjection;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.gradient.Gradient;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

import java.util.List;

/**
 * The last phase every method shares: the weights were hard-projected onto the plan, so their zeros are the
 * plan's pruned positions; this fixes that mask, trains quantization-aware (forward through the projection of
 * the masked latent weights, straight-through to the latent weights, pruned gradients zeroed and pruned
 * weights held at zero), and hard-projects again at the end.
 */
public final class MaskedRetrain {

    private MaskedRetrain() {
    }

    /** Retrains {@code model}, whose weights lie in the plan, for {@code epochs}; on return they lie in it again. */
    public static void run(Model model, List<PlanLayer> layers, DataSetIterator data,
                           int epochs, FinetuneListener listener) {
        INDArray[] masks = new INDArray[layers.size()];
        for (int i = 0; i < masks.length; i++) {
            PlanLayer l = layers.get(i);
            masks[i] = KernelProjection.mask(l.kernels(), l.plan()).castTo(l.kernels().dataType());
        }
        if (epochs > 0) {
            listener.phase("retrain", epochs);
            java.util.Map<PlanLayer, INDArray> fixed = new java.util.IdentityHashMap<>();
            for (int i = 0; i < masks.length; i++) fixed.put(layers.get(i), masks[i]);
            LatentForward forward = new LatentForward(layers, (l, w) -> KernelProjection.project(w, fixed.get(l), l.plan()).weights());
            HookedTrainer.train(model, data, epochs, TrainingHook.both(forward, new MaskHook(layers, masks)), listener);
        }
        for (int i = 0; i < masks.length; i++) layers.get(i).kernels().muli(masks[i]);
        PlanProjection.apply(layers);
    }

    /** Zeroes the gradient of pruned weights and keeps them at zero after each step. */
    private record MaskHook(List<PlanLayer> layers, INDArray[] masks) implements TrainingHook {
        @Override
        public void onGradient(Gradient gradient) {
            for (int i = 0; i < masks.length; i++) layers.get(i).gradient(gradient).muli(masks[i]);
        }

        @Override
        public void afterBatch(long iteration) {
            for (int i = 0; i < masks.length; i++) layers.get(i).kernels().muli(masks[i]);
        }
    }
}
