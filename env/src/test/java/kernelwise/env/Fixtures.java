package kernelwise.env;

import kernelwise.models.plan.CompressionPlan;
import kernelwise.models.plan.LayerInfo;
import kernelwise.models.plan.LayerKind;
import kernelwise.models.plan.LayerPlan;
import kernelwise.models.plan.NetworkSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Hand-written network specs and random plans for tests that need no DL4J model. */
public final class Fixtures {

    private Fixtures() {
    }

    /** LeNet-5's four compressible layers on 28x28x1 MNIST, named as in the zoo. */
    public static NetworkSpec lenet5() {
        return new NetworkSpec(List.of(
                new LayerInfo(0, "conv1", LayerKind.CONV, 20, 25, 1, 5, 5, 1, 28, 28, 24, 24),
                new LayerInfo(1, "conv2", LayerKind.CONV, 50, 500, 20, 5, 5, 1, 12, 12, 8, 8),
                new LayerInfo(2, "fc1", LayerKind.DENSE, 500, 800, 800, 1, 1, 1, 1, 1, 1, 1),
                new LayerInfo(3, "out", LayerKind.OUTPUT, 10, 500, 500, 1, 1, 1, 1, 1, 1, 1)));
    }

    /** One small conv layer: 4 kernels of 3x3x2, 6x6 input, 4x4 output. */
    public static NetworkSpec smallConv() {
        return new NetworkSpec(List.of(new LayerInfo(0, "c", LayerKind.CONV, 4, 18, 2, 3, 3, 1, 6, 6, 4, 4)));
    }

    /** A plan of random bits from {@code bits}, random sparsity from {@code sparsity} and activation bits 2..8. */
    public static CompressionPlan randomPlan(NetworkSpec spec, SplittableRandom rnd, int[] bits, double[] sparsity) {
        List<LayerPlan> layers = new ArrayList<>();
        for (LayerInfo l : spec.layers()) {
            int[] w = new int[l.kernels()];
            double[] s = new double[l.kernels()];
            for (int k = 0; k < w.length; k++) {
                w[k] = bits[rnd.nextInt(bits.length)];
                s[k] = sparsity[rnd.nextInt(sparsity.length)];
            }
            layers.add(new LayerPlan(l.name(), 2 + rnd.nextInt(7), w, s));
        }
        return CompressionPlan.of(spec, layers);
    }
}
