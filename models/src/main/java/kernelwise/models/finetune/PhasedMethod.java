package kernelwise.models.finetune;

import kernelwise.models.Networks;
import kernelwise.models.compress.ActivationRanges;
import kernelwise.models.compress.QuantizedCopy;
import kernelwise.models.plan.CompressionPlan;
import org.deeplearning4j.nn.api.Model;

import java.util.List;
import java.util.Map;

/**
 * The skeleton every method fills in: the method's own phase trains the network (its weights may leave the plan's
 * set), the hard projection puts them in it, a copy of the network is kept as it is then, and masked
 * quantization-aware retraining ({@link MaskedRetrain}) trains inside the plan. A method supplies its own phase
 * ({@link #train}); what that phase returns ({@link Phase}) says which plan is met, how to project and whether
 * activations are fake-quantized during the retraining.
 */
public abstract class PhasedMethod implements FinetuneMethod {

    private final String name;
    private final Retraining retraining;

    /**
     * @param name       the name the command line selects the method by
     * @param retraining the retraining after the hard projection
     */
    protected PhasedMethod(String name, Retraining retraining) {
        if (retraining == null) throw new IllegalArgumentException("retraining must not be null");
        this.name = name;
        this.retraining = retraining;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final MethodResult run(Model model, CompressionPlan plan, TrainingData data, FinetuneListener listener) {
        Phase own = train(model, plan, PlanLayers.of(model, plan), data, listener);
        own.projection().run();
        Model projected = Networks.copy(model);
        retrain(model, own, data, listener);
        return new MethodResult(own.plan(), projected, own.epochs() + retraining.epochs(), own.traces());
    }

    /**
     * The method's own phase: trains {@code model} toward {@code plan} ({@code layers}: its compressible layers bound to it).
     *
     * @return the plan to meet, the layers bound to it, the epochs trained, traces and the hard projection
     */
    protected abstract Phase train(Model model, CompressionPlan plan, List<PlanLayer> layers, TrainingData data, FinetuneListener listener);

    /** One phase of {@link HookedTrainer} training over the training split, announced to the listener by {@code phase}. */
    protected static void trainPhase(String phase, Model model, TrainingData data, int epochs, TrainingHook hook, FinetuneListener listener) {
        listener.phase(phase, epochs);
        HookedTrainer.train(model, data.train(), epochs, hook, listener);
    }

    private void retrain(Model model, Phase own, TrainingData data, FinetuneListener listener) {
        if (own.activationRanges() == null) {
            MaskedRetrain.run(model, own.layers(), data.train(), retraining, listener);
            return;
        }
        QuantizedCopy copy = QuantizedCopy.of(model);
        copy.setActivationQuant(own.activationRanges().quants(own.plan()));
        MaskedRetrain.run(copy.network(), PlanLayers.of(copy.network(), own.plan()), data.train(), retraining, listener);
        model.setParams(copy.network().params());
    }

    /**
     * What a method's own phase leaves to the rest of the skeleton.
     *
     * @param plan             the plan the network is to meet (the one asked for, or one the method derived from it)
     * @param layers           the compressible layers bound to {@code plan}
     * @param epochs           epochs the phase trained
     * @param traces           named series the phase recorded
     * @param projection       the hard projection onto {@code plan}
     * @param activationRanges if not null, the retraining fake-quantizes each compressible layer's input to the plan's
     *                         activation bits over these ranges (and the trained parameters go back into the network)
     */
    protected record Phase(CompressionPlan plan, List<PlanLayer> layers, int epochs, Map<String, List<Double>> traces,
                           Runnable projection, ActivationRanges activationRanges) {

        /** A phase whose hard projection is {@link PlanProjection#apply} on {@code layers}, retrained with float activations. */
        Phase(CompressionPlan plan, List<PlanLayer> layers, int epochs, Map<String, List<Double>> traces) {
            this(plan, layers, epochs, traces, () -> PlanProjection.apply(layers), null);
        }

        Phase withProjection(Runnable p) {
            return new Phase(plan, layers, epochs, traces, p, activationRanges);
        }

        Phase withActivationRanges(ActivationRanges r) {
            return new Phase(plan, layers, epochs, traces, projection, r);
        }
    }
}
