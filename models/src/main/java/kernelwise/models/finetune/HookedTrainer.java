package kernelwise.models.finetune;

import kernelwise.models.Networks;
import kernelwise.models.train.TrainingDivergedException;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Collection;

/**
 * Trains a network minibatch by minibatch with the network's own updater, giving a {@link TrainingHook} the
 * gradient before every update. The network's listeners are restored afterwards.
 */
public final class HookedTrainer {

    private static final Logger LOG = LoggerFactory.getLogger(HookedTrainer.class);

    private HookedTrainer() {
    }

    /**
     * Runs {@code epochs} passes over {@code data}.
     *
     * @return the number of iterations run
     * @throws TrainingDivergedException if the loss becomes NaN or infinite
     */
    public static long train(Model model, DataSetIterator data, int epochs, TrainingHook hook, FinetuneListener listener) {
        if (epochs < 0) throw new IllegalArgumentException("epochs must be >= 0, found " + epochs);
        Collection<TrainingListener> previous = Networks.listeners(model);
        model.setListeners(new GradientBridge(hook));
        long iteration = 0;
        try {
            for (int epoch = 0; epoch < epochs; epoch++) {
                data.reset();
                for (int batch = 0; data.hasNext(); batch++, iteration++) {
                    hook.beforeBatch(iteration);
                    Networks.fit(model, data.next());
                    hook.afterBatch(iteration);
                    checkFinite(model.score(), epoch, batch);
                    listener.batchDone(batch, model.score());
                }
                hook.afterEpoch(epoch);
                LOG.debug("epoch {} done, {} iterations, last loss {}", epoch, iteration, model.score());
                listener.epochDone(epoch, model.score());
            }
        } finally {
            model.setListeners(previous);
        }
        return iteration;
    }

    private static void checkFinite(double loss, int epoch, int batch) {
        if (!Double.isFinite(loss)) throw new TrainingDivergedException("fine-tuning loss is " + loss + " at epoch " + epoch + " batch " + batch);
    }

    /** Forwards DL4J's gradient callback (called before the updater) to the hook. */
    private static final class GradientBridge extends BaseTrainingListener {
        private final TrainingHook hook;

        GradientBridge(TrainingHook hook) {
            this.hook = hook;
        }

        @Override
        public void onGradientCalculation(Model model) {
            hook.onGradient(model.gradient());
        }
    }
}
