package kernelwise.models.finetune;

import org.deeplearning4j.nn.gradient.Gradient;

/**
 * What a method does around each optimizer step of {@link HookedTrainer}. Calls come in this order for every
 * minibatch: {@link #beforeBatch}, the forward and backward pass, {@link #onGradient} (before the updater turns the
 * gradient into a step, so changes to it change the step), the parameter update, {@link #afterBatch}.
 */
public interface TrainingHook {

    /** Before the forward pass of iteration {@code iteration} (counted from 0 over the whole run). */
    default void beforeBatch(long iteration) {
    }

    /** The raw gradient of the minibatch loss; arrays may be modified in place. */
    default void onGradient(Gradient gradient) {
    }

    /** After the parameters were updated. */
    default void afterBatch(long iteration) {
    }

    /** After epoch {@code epoch} (from 0). */
    default void afterEpoch(int epoch) {
    }

    /** Runs {@code first}, then {@code second}, at every call. */
    static TrainingHook both(TrainingHook first, TrainingHook second) {
        return new TrainingHook() {
            @Override public void beforeBatch(long it) { first.beforeBatch(it); second.beforeBatch(it); }
            @Override public void onGradient(Gradient g) { first.onGradient(g); second.onGradient(g); }
            @Override public void afterBatch(long it) { first.afterBatch(it); second.afterBatch(it); }
            @Override public void afterEpoch(int e) { first.afterEpoch(e); second.afterEpoch(e); }
        };
    }
}
