package kernelwise.models.finetune;

import kernelwise.models.compress.KernelProjection;
import kernelwise.models.plan.CompressionPlan;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.gradient.Gradient;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * ADMM training into a plan (joint pruning and quantization). The problem min f(W) s.t. W in S (S: the plan's
 * set, per kernel its sparsity by magnitude and its bits) is split as min f(W) + g(Z) s.t. W = Z, with g the
 * indicator of S, and solved with the scaled augmented Lagrangian f(W) + rho/2 ||W - Z + U||^2:
 * <ol>
 *   <li>W-step: ordinary minibatch training of the float weights with {@code rho (W - Z + U)} added to the
 *       gradient of every compressible layer's W;</li>
 *   <li>every {@link AdmmConfig#updateEvery()} iterations: Z &lt;- proj_S(W + U) (the core's kernel projection),
 *       U &lt;- U + W - Z; the primal residual ||W - Z|| (Frobenius, all layers) is recorded;</li>
 *   <li>rho &lt;- min(rhoMax, rho * rhoGrowth) after every Z and U update;</li>
 *   <li>at the end W &lt;- proj_S(W) (hard projection), then masked quantization-aware retraining
 *       ({@link MaskedRetrain}).</li>
 * </ol>
 */
public final class AdmmMethod extends PhasedMethod {

    private static final Logger LOG = LoggerFactory.getLogger(AdmmMethod.class);

    private final PenaltySchedule config;

    public AdmmMethod(AdmmConfig config) {
        super("admm", config.retraining());
        this.config = config.penalty();
    }

    @Override
    protected Phase train(Model model, CompressionPlan plan, List<PlanLayer> layers, TrainingData data, FinetuneListener listener) {
        Splitting split = new Splitting(layers, config.rho());
        trainPhase(name(), model, data, config.epochs(), split, listener);
        return new Phase(plan, layers, config.epochs(),
                Map.of("residual", split.residuals, "rho", split.rhos));
    }

    /** The W-step penalty and the Z and U updates. Package-private for tests. */
    final class Splitting implements TrainingHook {
        final List<PlanLayer> layers;
        final INDArray[] z;
        final INDArray[] u;
        final List<Double> residuals = new ArrayList<>();
        final List<Double> rhos = new ArrayList<>();
        double rho;

        Splitting(List<PlanLayer> layers, double rho) {
            this.layers = layers;
            this.rho = rho;
            z = new INDArray[layers.size()];
            u = new INDArray[layers.size()];
            for (int i = 0; i < z.length; i++) {
                PlanLayer l = layers.get(i);
                z[i] = KernelProjection.project(l.kernels(), l.plan()).weights().dup('c');
                u[i] = z[i].like();
            }
            residuals.add(residual());
        }

        @Override
        public void onGradient(Gradient gradient) {
            for (int i = 0; i < z.length; i++) {
                INDArray w = layers.get(i).kernels();
                layers.get(i).gradient(gradient).addi(w.sub(z[i]).addi(u[i]).muli(rho));
            }
        }

        @Override
        public void afterBatch(long iteration) {
            if ((iteration + 1) % config.updateEvery() == 0) update();
        }

        /** Z <- proj(W + U), U <- U + W - Z. */
        void update() {
            for (int i = 0; i < z.length; i++) {
                PlanLayer l = layers.get(i);
                INDArray w = l.kernels();
                z[i].assign(KernelProjection.project(w.add(u[i]), l.plan()).weights());
                u[i].addi(w.sub(z[i]));
            }
            double r = residual();
            residuals.add(r);
            rhos.add(rho);
            rho = Math.min(config.rhoMax(), rho * config.rhoGrowth());
            LOG.debug("admm update {}: ||W - Z|| = {}, rho = {}", residuals.size() - 1, r, rho);
        }

        double residual() {
            double sq = 0;
            for (int i = 0; i < z.length; i++) {
                double n = layers.get(i).kernels().sub(z[i]).norm2Number().doubleValue();
                sq += n * n;
            }
            return Math.sqrt(sq);
        }
    }
}
