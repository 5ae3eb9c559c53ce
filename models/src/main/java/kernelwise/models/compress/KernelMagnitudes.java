package kernelwise.models.compress;

import org.deeplearning4j.nn.api.Model;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Arrays;
import java.util.List;

/**
 * The weight magnitudes of a network's compressible layers, sorted once, so that magnitude pruning can be asked
 * cheaply how many weights each kernel keeps under a threshold: the threshold that keeps a given fraction of a
 * layer's weights ({@link #threshold}), and a kernel's count above any threshold ({@link #kept}). Magnitude pruning
 * inside a kernel ({@link KernelProjection}) keeps exactly these weights, up to ties at the threshold.
 * Thread-safe (the global order is sorted on first use; two threads may both sort it, with equal results).
 */
public final class KernelMagnitudes {
    private final float[][] layerDescending;      // [layer][all |w|, largest first]
    private final float[][][] kernelAscending;    // [layer][kernel][|w|, smallest first]
    private volatile float[] allDescending;        // every layer's |w|, largest first; sorted on first use

    private KernelMagnitudes(float[][] layerDescending, float[][][] kernelAscending) {
        this.layerDescending = layerDescending;
        this.kernelAscending = kernelAscending;
    }

    /** The magnitudes of the given {@code [kernels, fanIn]} matrices, one per compressible layer in order. */
    public static KernelMagnitudes of(List<INDArray> kernelMatrices) {
        int n = kernelMatrices.size();
        float[][] all = new float[n][];
        float[][][] kernels = new float[n][][];
        for (int i = 0; i < n; i++) {
            INDArray w = kernelMatrices.get(i);
            int rows = (int) w.rows(), cols = (int) w.columns();
            float[] flat = w.dup('c').data().asFloat();
            kernels[i] = new float[rows][cols];
            all[i] = new float[rows * cols];
            for (int k = 0; k < rows; k++) {
                for (int j = 0; j < cols; j++) kernels[i][k][j] = Math.abs(flat[k * cols + j]);
                System.arraycopy(kernels[i][k], 0, all[i], k * cols, cols);
                Arrays.sort(kernels[i][k]);
            }
            Arrays.sort(all[i]);
            reverse(all[i]);
        }
        return new KernelMagnitudes(all, kernels);
    }

    /**
     * Magnitudes for when the weights are unknown: every kernel alike, its {@code fanIn} weights of magnitudes
     * {@code 1/fanIn, 2/fanIn, ..., 1}, so that a layer's threshold keeps the same share of every kernel.
     */
    public static KernelMagnitudes uniform(kernelwise.models.plan.NetworkSpec spec) {
        List<INDArray> ws = new java.util.ArrayList<>();
        for (int i = 0; i < spec.size(); i++) {
            var l = spec.layer(i);
            INDArray row = org.nd4j.linalg.factory.Nd4j.linspace(1, l.fanIn(), l.fanIn(), org.nd4j.linalg.api.buffer.DataType.FLOAT).divi(l.fanIn());
            ws.add(row.reshape(1, l.fanIn()).repeat(0, l.kernels()));
        }
        return of(ws);
    }

    /** The magnitudes of {@code model}'s compressible layers (not modified). */
    public static KernelMagnitudes of(Model model) {
        return of(NetworkSpecs.layers(model).stream().map(LayerWeights::read).toList());
    }

    /**
     * The magnitude threshold that keeps {@code density} of layer {@code layer}'s weights: the {@code round(density x
     * weights)}-th largest magnitude ({@code +infinity} for a density that keeps none).
     */
    public float threshold(int layer, double density) {
        if (!(density >= 0 && density <= 1)) throw new IllegalArgumentException("density must be in [0,1], found " + density);
        float[] d = layerDescending[layer];
        int keep = (int) Math.round(density * d.length);
        return keep == 0 ? Float.POSITIVE_INFINITY : d[keep - 1];
    }

    /** The magnitude threshold that keeps {@code density} of all the layers' weights together (one global threshold). */
    public float globalThreshold(double density) {
        if (!(density >= 0 && density <= 1)) throw new IllegalArgumentException("density must be in [0,1], found " + density);
        if (allDescending == null) {
            int n = Arrays.stream(layerDescending).mapToInt(a -> a.length).sum();
            float[] all = new float[n];
            int at = 0;
            for (float[] d : layerDescending) {
                System.arraycopy(d, 0, all, at, d.length);
                at += d.length;
            }
            Arrays.sort(all);
            reverse(all);
            allDescending = all;
        }
        int keep = (int) Math.round(density * allDescending.length);
        return keep == 0 ? Float.POSITIVE_INFINITY : allDescending[keep - 1];
    }

    /** Weights of kernel {@code kernel} of layer {@code layer} whose magnitude is at least {@code threshold}. */
    public int kept(int layer, int kernel, double threshold) {
        float[] a = kernelAscending[layer][kernel];
        int lo = 0, hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < threshold) lo = mid + 1;
            else hi = mid;
        }
        return a.length - lo;
    }

    /** Layers covered. */
    public int layers() {
        return layerDescending.length;
    }

    /** Kernels of layer {@code layer}. */
    public int kernels(int layer) {
        return kernelAscending[layer].length;
    }

    private static void reverse(float[] a) {
        for (int i = 0, j = a.length - 1; i < j; i++, j--) {
            float t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
