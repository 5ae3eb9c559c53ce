package kernelwise.models.finetune;

import kernelwise.models.compress.KernelProjection;
import kernelwise.models.plan.CompressionPlan;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.gradient.Gradient;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * AutoPrune: pruning by trainable auxiliary gates. Every prunable weight w has a gate a; the forward pass uses
 * {@code w * step(a)} ({@code step(a) = 1} if {@code a > 0}, else 0). Per iteration, with g the gradient of the
 * minibatch loss with respect to the gated weight:
 * <ul>
 *   <li>weights: the network's updater steps on {@code g * step(a)}: only open weights learn, and no weight is
 *       regularised; a closed weight keeps its value, so it comes back as it was if its gate reopens;</li>
 *   <li>gates: {@code a <- a - eta_a (d + lambda_k)} where {@code d = g * w} is the straight-through gradient
 *       (the step's derivative taken as 1), divided by its root mean square over the layer, and
 *       {@code lambda_k} the sparsity regulariser of the gate's kernel; a closed gate still receives d, so a
 *       weight the loss needs can recover;</li>
 *   <li>regulariser: {@code lambda_k <- max(0, lambda_k + rate (t_k - s_k))}, with t_k the plan's sparsity of kernel
 *       k and s_k its current fraction of closed gates, so each kernel is pushed toward its target.</li>
 * </ul>
 * Gates start at {@code |w| / mean|w|} of their kernel (all open, ordered by magnitude). At the end the plan is
 * enforced exactly: per kernel, the kept positions are the plan's number of largest {@code |w|}, open gates
 * ranked before closed ones; the kept weights are quantized (hard projection) and retrained with the mask fixed
 * ({@link MaskedRetrain}). Traces per epoch: {@code sparsity} (closed fraction of all gates) and {@code recovered}
 * (gates that reopened during the epoch).
 */
public final class AutoPruneMethod extends PhasedMethod {

    private static final Logger LOG = LoggerFactory.getLogger(AutoPruneMethod.class);
    /** Weight of closed gates' magnitudes when ranking for the exact enforcement. */
    private static final double CLOSED_RANK = 1e-6;

    private final AutoPruneConfig config;

    public AutoPruneMethod(AutoPruneConfig config) {
        super("autoprune", config.retraining());
        this.config = config;
    }

    @Override
    protected Phase train(Model model, CompressionPlan plan, List<PlanLayer> layers, TrainingData data, FinetuneListener listener) {
        Gates gates = new Gates(layers);
        LatentForward forward = new LatentForward(layers, (l, w) -> w.mul(gates.mask(l.info().index())));
        trainPhase(name(), model, data, config.epochs(), TrainingHook.both(forward, gates), listener);
        return new Phase(plan, layers, config.epochs(), Map.of("sparsity", gates.sparsity, "recovered", gates.recovered))
                .withProjection(gates::enforce);
    }

    /** The gates, their masks and regularisers. Package-private for tests. */
    final class Gates implements TrainingHook {
        final List<PlanLayer> layers;
        final INDArray[] gate;
        final INDArray[] mask;
        final INDArray[] lambda;
        final INDArray[] target;
        final List<Double> sparsity = new ArrayList<>();
        final List<Double> recovered = new ArrayList<>();
        private long reopened;

        Gates(List<PlanLayer> layers) {
            this.layers = layers;
            int n = layers.size();
            gate = new INDArray[n];
            mask = new INDArray[n];
            lambda = new INDArray[n];
            target = new INDArray[n];
            for (int i = 0; i < n; i++) {
                PlanLayer l = layers.get(i);
                INDArray abs = Transforms.abs(l.kernels(), true);
                INDArray mean = abs.mean(1).reshape(l.info().kernels(), 1).addi(1e-12);
                gate[i] = abs.diviColumnVector(mean);
                mask[i] = gate[i].gt(0).castTo(DataType.FLOAT);
                lambda[i] = Nd4j.valueArrayOf(new long[]{l.info().kernels(), 1}, (float) config.lambda());
                target[i] = Nd4j.createFromArray(toFloat(l.plan().sparsity())).reshape(l.info().kernels(), 1);
            }
        }

        INDArray mask(int layer) {
            return mask[layer];
        }

        @Override
        public void onGradient(Gradient gradient) {
            for (int i = 0; i < gate.length; i++) {
                INDArray g = layers.get(i).gradient(gradient);
                INDArray d = g.mul(layers.get(i).kernels());
                double rms = Math.sqrt(d.mul(d).meanNumber().doubleValue()) + 1e-12;
                gate[i].subi(d.divi(rms).addiColumnVector(lambda[i]).muli(config.gateLearningRate()));
                g.muli(mask[i]);
            }
        }

        @Override
        public void afterBatch(long iteration) {
            for (int i = 0; i < gate.length; i++) {
                INDArray open = gate[i].gt(0).castTo(DataType.FLOAT);
                reopened += open.sub(mask[i]).gt(0).castTo(DataType.INT).sumNumber().longValue();
                mask[i].assign(open);
                INDArray closed = open.rsub(1).mean(1).reshape(open.rows(), 1);
                lambda[i].addi(target[i].sub(closed).muli(config.lambdaRate()));
                Transforms.max(lambda[i], 0.0, false);
            }
        }

        @Override
        public void afterEpoch(int epoch) {
            double closed = 0, total = 0;
            for (INDArray m : mask) {
                closed += m.length() - m.sumNumber().doubleValue();
                total += m.length();
            }
            sparsity.add(closed / total);
            recovered.add((double) reopened);
            LOG.debug("autoprune epoch {}: {} of gates closed, {} reopened", epoch, closed / total, reopened);
            reopened = 0;
        }

        /** Exactly the plan: per kernel the plan's number of largest |w|, open gates first; then quantized. */
        void enforce() {
            for (int i = 0; i < gate.length; i++) {
                PlanLayer l = layers.get(i);
                INDArray w = l.kernels();
                INDArray rank = w.mul(mask[i].mul(1 - CLOSED_RANK).addi(CLOSED_RANK));
                INDArray kept = KernelProjection.mask(rank, l.plan());
                w.muli(kept);
            }
            PlanProjection.apply(layers);
        }
    }

    private static float[] toFloat(double[] values) {
        float[] f = new float[values.length];
        for (int i = 0; i < f.length; i++) f[i] = (float) values[i];
        return f;
    }
}
