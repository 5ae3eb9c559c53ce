package kernelwise.models.finetune;

import kernelwise.models.Networks;
import kernelwise.models.compress.KernelProjection;
import kernelwise.models.plan.CompressionPlan;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.gradient.Gradient;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Surrogate Lagrangian relaxation (SLR) training into a plan. Same splitting as ADMM, min f(W) s.t. W = Z,
 * Z in S (the plan's set), with the (unscaled) Lagrangian
 * {@code L(W, Z, Lambda) = f(W) + <Lambda, W - Z> + rho/2 ||W - Z||^2}. What is implemented, per SLR round k
 * (one round every {@link PenaltySchedule#updateEvery()} iterations, k = 1, 2, ...):
 * <ol>
 *   <li>W-subproblem: the iterations of the round train W with {@code Lambda + rho (W - Z)} added to the
 *       gradient of every compressible layer's W (Z and Lambda fixed).</li>
 *   <li>Step size: {@code s_k = alpha_k s_{k-1} ||g_{k-1}|| / ||g_k||} with the surrogate subgradient
 *       {@code g_k = W_k - Z_{k-1}} and {@code alpha_k = 1 - 1/(M k^(1 - 1/k^r))}; {@code s_0} is given.</li>
 *   <li>Surrogate optimality condition for W: {@code L(W_k, Z_{k-1}, Lambda) < L(W_{k-1}, Z_{k-1}, Lambda)}, with
 *       f measured (inference mode) on a fixed probe set of {@link SlrConfig#probeSize()} validation examples. Only
 *       if it holds: {@code Lambda <- Lambda + s_k (W_k - Z_{k-1})}; otherwise Lambda and the step size stay.</li>
 *   <li>Z-subproblem: {@code Z_k = proj_S(W_k + Lambda / rho)} (the core's kernel projection), the minimiser of
 *       the Z-terms of L. Surrogate optimality condition for Z:
 *       {@code L(W_k, Z_k, Lambda) < L(W_k, Z_{k-1}, Lambda)} (f cancels). Only if it holds:
 *       {@code Lambda <- Lambda + s_k (W_k - Z_k)}. Z_k is kept in either case.</li>
 * </ol>
 * rho grows by {@link PenaltySchedule#rhoGrowth()} per round up to {@link PenaltySchedule#rhoMax()}. At the end: hard
 * projection (the network right after it is what SLR claims is accurate without retraining), then masked
 * quantization-aware retraining. Traces: {@code residual} ||W - Z|| per round, {@code step} s_k, and
 * {@code accepted} (1 or 0 per round: whether the W-condition held).
 */
public final class SlrMethod extends PhasedMethod {

    private static final Logger LOG = LoggerFactory.getLogger(SlrMethod.class);

    private final SlrConfig config;

    public SlrMethod(SlrConfig config) {
        super("slr", config.retraining());
        this.config = config;
    }

    @Override
    protected Phase train(Model model, CompressionPlan plan, List<PlanLayer> layers, TrainingData data, FinetuneListener listener) {
        int probe = Math.min(config.probeSize(), data.validation().numExamples());
        DataSet probeSet = (DataSet) data.validation().getRange(0, probe);
        Relaxation slr = new Relaxation(model, layers, probeSet);
        trainPhase(name(), model, data, config.penalty().epochs(), slr, listener);
        return new Phase(plan, layers, config.penalty().epochs(),
                Map.of("residual", slr.residuals, "step", slr.steps, "accepted", slr.accepted));
    }

    /** The penalised W-step and the SLR multiplier rounds. Package-private for tests. */
    final class Relaxation implements TrainingHook {
        final Model model;
        final List<PlanLayer> layers;
        final DataSet probe;
        final INDArray[] z;
        final INDArray[] lambda;
        final INDArray[] previousW;
        final List<Double> residuals = new ArrayList<>();
        final List<Double> steps = new ArrayList<>();
        final List<Double> accepted = new ArrayList<>();
        double rho = config.penalty().rho();
        double step = config.step0();
        double previousLoss;
        double previousNorm = Double.NaN;
        int round;

        Relaxation(Model model, List<PlanLayer> layers, DataSet probe) {
            this.model = model;
            this.layers = layers;
            this.probe = probe;
            int n = layers.size();
            z = new INDArray[n];
            lambda = new INDArray[n];
            previousW = new INDArray[n];
            for (int i = 0; i < n; i++) {
                INDArray w = layers.get(i).kernels();
                z[i] = KernelProjection.project(w, layers.get(i).plan()).weights().dup('c');
                lambda[i] = z[i].like();
                previousW[i] = w.dup('c');
            }
            previousLoss = Networks.loss(model, probe);
        }

        @Override
        public void onGradient(Gradient gradient) {
            for (int i = 0; i < z.length; i++) {
                INDArray w = layers.get(i).kernels();
                layers.get(i).gradient(gradient).addi(w.sub(z[i]).muli(rho).addi(lambda[i]));
            }
        }

        @Override
        public void afterBatch(long iteration) {
            if ((iteration + 1) % config.penalty().updateEvery() == 0) round();
        }

        void round() {
            round++;
            double loss = Networks.loss(model, probe);
            double norm = Math.sqrt(sum(i -> sq(layers.get(i).kernels().sub(z[i]))));
            double candidate = !Double.isNaN(previousNorm) && norm > 0 ? config.alpha(round) * step * previousNorm / norm : step;
            boolean wHolds = lagrangian(loss, i -> layers.get(i).kernels()) < lagrangian(previousLoss, i -> previousW[i]);
            if (wHolds) {
                step = candidate;
                for (int i = 0; i < z.length; i++) lambda[i].addi(layers.get(i).kernels().sub(z[i]).muli(step));
                previousNorm = norm;
            }
            zStep();
            for (int i = 0; i < z.length; i++) previousW[i].assign(layers.get(i).kernels());
            previousLoss = loss;
            double residual = Math.sqrt(sum(i -> sq(layers.get(i).kernels().sub(z[i]))));
            residuals.add(residual);
            steps.add(step);
            accepted.add(wHolds ? 1.0 : 0.0);
            rho = Math.min(config.penalty().rhoMax(), rho * config.penalty().rhoGrowth());
            LOG.debug("slr round {}: ||W - Z|| = {}, s = {}, W-condition {}", round, residual, step, wHolds);
        }

        /** Z <- proj(W + Lambda/rho); Lambda updated again if the Z-condition holds. */
        private void zStep() {
            INDArray[] newZ = new INDArray[z.length];
            double before = 0, after = 0;
            for (int i = 0; i < z.length; i++) {
                PlanLayer l = layers.get(i);
                INDArray w = l.kernels();
                newZ[i] = KernelProjection.project(w.add(lambda[i].div(rho)), l.plan()).weights();
                before += penalty(w.sub(z[i]), lambda[i]);
                after += penalty(w.sub(newZ[i]), lambda[i]);
            }
            for (int i = 0; i < z.length; i++) z[i].assign(newZ[i]);
            if (after < before) {
                for (int i = 0; i < z.length; i++) lambda[i].addi(layers.get(i).kernels().sub(z[i]).muli(step));
            }
        }

        /** L(W, Z, Lambda) for the given weights (f given), with the current Z and Lambda. */
        private double lagrangian(double f, java.util.function.IntFunction<INDArray> weights) {
            double total = f;
            for (int i = 0; i < z.length; i++) total += penalty(weights.apply(i).sub(z[i]), lambda[i]);
            return total;
        }

        private double penalty(INDArray diff, INDArray multipliers) {
            return multipliers.mul(diff).sumNumber().doubleValue() + rho / 2 * sq(diff);
        }

        private double sum(java.util.function.IntToDoubleFunction f) {
            double s = 0;
            for (int i = 0; i < z.length; i++) s += f.applyAsDouble(i);
            return s;
        }

        private static double sq(INDArray a) {
            double n = a.norm2Number().doubleValue();
            return n * n;
        }
    }
}
