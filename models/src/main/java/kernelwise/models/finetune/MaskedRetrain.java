package kernelwise.models.finetune;

import kernelwise.models.Networks;
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
 * weights held at zero), and hard-projects again at the end. Over two or more epochs the learning rate decays
 * geometrically from the network's own to {@link Retraining#finalLrFactor()} of it at the last epoch (and is restored after).
 */
public final class MaskedRetrain {

    private MaskedRetrain() {
    }

    /** As {@link #run(Model, List, DataSetIterator, Retraining, FinetuneListener)} with the default decay. */
    public static void run(Model model, List<PlanLayer> layers, DataSetIterator data, int epochs, FinetuneListener listener) {
        run(model, layers, data, new Retraining(epochs), listener);
    }

    /** Retrains {@code model}, whose weights lie in the plan, as {@code retraining} says; on return they lie in it again. */
    public static void run(Model model, List<PlanLayer> layers, DataSetIterator data, Retraining retraining, FinetuneListener listener) {
        int epochs = retraining.epochs();
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
            Double lr = Networks.learningRate(model);
            INDArray[] biasMasks = layers.stream().map(PlanLayer::biasMask).toArray(INDArray[]::new);
            TrainingHook hook = TrainingHook.both(forward, new MaskHook(layers, masks, biasMasks));
            try {
                HookedTrainer.train(model, data, epochs, lr == null || epochs < 2 ? hook : TrainingHook.both(hook, new Decay(model, lr, epochs, retraining.finalLrFactor())), listener);
            } finally {
                if (lr != null) Networks.setLearningRate(model, lr);
            }
        }
        for (int i = 0; i < masks.length; i++) layers.get(i).kernels().muli(masks[i]);
        PlanProjection.apply(layers);
    }

    /** Zeroes the gradient of pruned weights and removed kernels' biases, and keeps them at zero after each step. */
    private record MaskHook(List<PlanLayer> layers, INDArray[] masks, INDArray[] biasMasks) implements TrainingHook {
        @Override
        public void onGradient(Gradient gradient) {
            for (int i = 0; i < masks.length; i++) {
                PlanLayer l = layers.get(i);
                l.gradient(gradient).muli(masks[i]);
                if (biasMasks[i] != null) l.biasGradient(gradient).muli(biasMasks[i]);
            }
        }

        @Override
        public void afterBatch(long iteration) {
            for (int i = 0; i < masks.length; i++) {
                layers.get(i).kernels().muli(masks[i]);
                if (biasMasks[i] != null) layers.get(i).bias().muli(biasMasks[i]);
            }
        }
    }

    /** Sets epoch e's learning rate to {@code base * finalFactor^(e / (epochs - 1))}. */
    private record Decay(Model model, double base, int epochs, double finalFactor) implements TrainingHook {
        @Override
        public void afterEpoch(int epoch) {
            if (epoch + 1 < epochs) Networks.setLearningRate(model, base * Math.pow(finalFactor, (epoch + 1) / (double) (epochs - 1)));
        }
    }
}
