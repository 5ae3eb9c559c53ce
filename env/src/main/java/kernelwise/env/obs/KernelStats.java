package kernelwise.env.obs;

import kernelwise.models.compress.LayerWeights;
import kernelwise.models.compress.NetworkSpecs;
import kernelwise.models.plan.NetworkSpec;
import org.deeplearning4j.nn.api.Model;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.util.Arrays;
import java.util.List;

/**
 * Per-kernel weight statistics of a network, computed once from each layer's {@code [kernels, fanIn]} matrix with
 * ND4J reductions along the fan-in.
 *
 * @param l1     per layer and kernel: sum of |w|
 * @param l2     per layer and kernel: sqrt(sum w^2)
 * @param std    per layer and kernel: standard deviation of w
 * @param maxAbs per layer and kernel: max |w|
 */
public record KernelStats(double[][] l1, double[][] l2, double[][] std, double[][] maxAbs) {

    /** Statistics of the given {@code [kernels, fanIn]} matrices, one per compressible layer in order. */
    public static KernelStats of(List<INDArray> kernelMatrices) {
        int n = kernelMatrices.size();
        double[][] l1 = new double[n][], l2 = new double[n][], std = new double[n][], max = new double[n][];
        for (int i = 0; i < n; i++) {
            INDArray w = kernelMatrices.get(i);
            if (w.rank() != 2) throw new IllegalArgumentException("kernel matrix " + i + " must be [kernels, fanIn], found shape " + Arrays.toString(w.shape()));
            l1[i] = w.norm1(1).toDoubleVector();
            l2[i] = w.norm2(1).toDoubleVector();
            std[i] = w.columns() > 1 ? w.std(false, 1).toDoubleVector() : new double[w.rows()];
            max[i] = Transforms.abs(w, true).max(1).toDoubleVector();
        }
        return new KernelStats(l1, l2, std, max);
    }

    /** Statistics of the compressible layers of {@code model} (read through {@link LayerWeights}, not modified). */
    public static KernelStats of(Model model) {
        return of(NetworkSpecs.layers(model).stream().map(LayerWeights::read).toList());
    }

    /** Equal statistics for every kernel: for when the weights are unknown. */
    public static KernelStats uniform(NetworkSpec spec) {
        int n = spec.size();
        double[][] ones = new double[n][];
        for (int i = 0; i < n; i++) {
            ones[i] = new double[spec.layer(i).kernels()];
            Arrays.fill(ones[i], 1.0);
        }
        return new KernelStats(ones, ones, ones, ones);
    }

    /** Refuses these statistics unless they have one entry per kernel of {@code spec}. */
    public void checkAgainst(NetworkSpec spec) {
        if (l1.length != spec.size()) throw new IllegalArgumentException("kernel stats have " + l1.length + " layers, the network has " + spec.size());
        for (int i = 0; i < spec.size(); i++) {
            int k = spec.layer(i).kernels();
            if (l1[i].length != k || l2[i].length != k || std[i].length != k || maxAbs[i].length != k) {
                throw new IllegalArgumentException("kernel stats of layer " + spec.layer(i).name() + " must have " + k + " kernels, found " + l1[i].length);
            }
        }
    }
}
