package kernelwise.agents.baseline;

import kernelwise.agents.util.Rng;
import kernelwise.models.plan.CompressionPlan;
import kernelwise.models.plan.LayerInfo;
import kernelwise.models.plan.LayerPlan;
import kernelwise.models.plan.NetworkSpec;

import java.util.ArrayList;
import java.util.List;

/** Random plans and their mutations, in the bits and sparsity ranges of an {@link EvolutionConfig}. */
final class PlanMutator {
    private final NetworkSpec spec;
    private final EvolutionConfig cfg;

    PlanMutator(NetworkSpec spec, EvolutionConfig cfg) {
        this.spec = spec;
        this.cfg = cfg;
    }

    NetworkSpec spec() {
        return spec;
    }

    /** Per layer: random activation bits, a random goal (bits, sparsity), kernels scattered around the goal. */
    CompressionPlan random(Rng rng) {
        List<LayerPlan> layers = new ArrayList<>();
        for (LayerInfo l : spec.layers()) {
            double goalBits = cfg.minBits() + rng.nextDouble() * (cfg.maxBits() - cfg.minBits());
            double goalSparsity = rng.nextDouble() * cfg.maxSparsity();
            int[] bits = new int[l.kernels()];
            double[] sparsity = new double[l.kernels()];
            for (int k = 0; k < bits.length; k++) {
                bits[k] = clampBits((int) Math.round(goalBits + rng.nextGaussian()));
                sparsity[k] = clampSparsity(goalSparsity + cfg.sparsityStep() * rng.nextGaussian());
            }
            layers.add(new LayerPlan(l.name(), randomBits(rng), bits, sparsity));
        }
        return CompressionPlan.of(spec, layers);
    }

    /**
     * Per layer, with probability {@code layerRate} each: shift the activation bits by one, shift every kernel's
     * bits by one, move every kernel's sparsity by one normal step; per kernel, with probability
     * {@code kernelRate}: shift its bits by one and move its sparsity. At least one change is always made.
     */
    CompressionPlan mutate(CompressionPlan parent, Rng rng) {
        List<LayerPlan> layers = new ArrayList<>();
        boolean changed = false;
        for (int i = 0; i < parent.size(); i++) {
            LayerPlan p = parent.layer(i);
            int act = p.activationBits();
            int[] bits = p.weightBits();
            double[] sparsity = p.sparsity();
            if (rng.nextDouble() < cfg.layerRate()) {
                act = clampBits(inRange(act) + step(rng));
                changed = true;
            }
            if (rng.nextDouble() < cfg.layerRate()) {
                int d = step(rng);
                for (int k = 0; k < bits.length; k++) bits[k] = clampBits(inRange(bits[k]) + d);
                changed = true;
            }
            if (rng.nextDouble() < cfg.layerRate()) {
                double d = cfg.sparsityStep() * rng.nextGaussian();
                for (int k = 0; k < bits.length; k++) sparsity[k] = clampSparsity(sparsity[k] + d);
                changed = true;
            }
            for (int k = 0; k < bits.length; k++) {
                if (rng.nextDouble() < cfg.kernelRate()) {
                    mutateKernel(bits, sparsity, k, rng);
                    changed = true;
                }
            }
            layers.add(new LayerPlan(p.layer(), act, bits, sparsity));
        }
        if (!changed) {
            int i = rng.nextInt(layers.size());
            LayerPlan p = layers.get(i);
            int[] bits = p.weightBits();
            double[] sparsity = p.sparsity();
            mutateKernel(bits, sparsity, rng.nextInt(bits.length), rng);
            layers.set(i, new LayerPlan(p.layer(), p.activationBits(), bits, sparsity));
        }
        return CompressionPlan.of(spec, layers);
    }

    private void mutateKernel(int[] bits, double[] sparsity, int k, Rng rng) {
        bits[k] = clampBits(inRange(bits[k]) + step(rng));
        sparsity[k] = clampSparsity(sparsity[k] + cfg.sparsityStep() * rng.nextGaussian());
    }

    private static int step(Rng rng) {
        return rng.nextDouble() < 0.5 ? -1 : 1;
    }

    /** Float (32) counts as the largest bits for a mutation. */
    private int inRange(int bits) {
        return bits == CompressionPlan.FLOAT_BITS ? cfg.maxBits() : bits;
    }

    private int randomBits(Rng rng) {
        return cfg.minBits() + rng.nextInt(cfg.maxBits() - cfg.minBits() + 1);
    }

    private int clampBits(int b) {
        return Math.max(cfg.minBits(), Math.min(cfg.maxBits(), b));
    }

    private double clampSparsity(double s) {
        return Math.max(0, Math.min(cfg.maxSparsity(), s));
    }
}
