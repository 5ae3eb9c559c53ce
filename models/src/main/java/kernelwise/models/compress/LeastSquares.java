package kernelwise.models.compress;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.List;

/**
 * Ridge least-squares refits of a layer's kernels (AMC's reconstruction): kernel {@code k} keeping the weights
 * {@code S} gets the {@code w_S} and bias {@code c} minimising {@code ||X_S w_S s_k + c - t_k||^2 + lambda ||w_S s_k||^2}
 * over the sampled rows {@code X} of the layer's input and the float layer's pre-activation output {@code t_k}
 * ({@code s_k} a folded batch norm's scale, 1 without). Solved in double precision through the normal equations
 * and a Cholesky factorisation: one for all the kernels that keep every weight, one small one per pruned kernel.
 */
final class LeastSquares {

    private LeastSquares() {
    }

    /**
     * The refit {@code [kernels x fanIn]} weights (C order), starting from {@code start}: a kernel is refit if it keeps
     * every weight at {@code denseBits} bits or fewer, or keeps 1..{@code maxSolved} weights; others keep their start.
     *
     * @param x         sampled input rows, {@code [rows, fanIn]}
     * @param t         the float layer's outputs for those rows, {@code [rows, kernels]}
     * @param mask      1 for kept weights, {@code [kernels x fanIn]} C order
     * @param bits      each kernel's weight bits
     * @param foldScale per kernel, the folded batch norm's scale, or null
     * @param ridge     lambda relative to the mean diagonal of {@code X^T X}
     *                  ({@code x} and {@code t} float; the normal equations are formed and solved in double)
     */
    static float[] refit(INDArray x, INDArray t, float[] mask, float[] start, int[] bits, float[] foldScale,
                         int denseBits, int maxSolved, double ridge) {
        int rows = (int) x.rows(), fanIn = (int) x.columns(), kernels = (int) t.columns();
        List<Integer> dense = new ArrayList<>();
        List<int[]> sparse = new ArrayList<>();
        List<Integer> sparseKernels = new ArrayList<>();
        for (int k = 0; k < kernels; k++) {
            int[] kept = kept(mask, k, fanIn);
            if (kept.length == fanIn && bits[k] <= denseBits) dense.add(k);
            else if (kept.length > 0 && kept.length < fanIn && kept.length <= maxSolved) {
                sparse.add(kept);
                sparseKernels.add(k);
            }
        }
        float[] w = start.clone();
        if (dense.isEmpty() && sparse.isEmpty()) return w;
        double[] colSum = x.sum(0).castTo(DataType.DOUBLE).toDoubleVector();
        double[] xt = Nd4j.gemm(x, t, true, false).castTo(DataType.DOUBLE).dup('c').data().asDouble();   // [fanIn x kernels]
        double[] tSum = t.sum(0).castTo(DataType.DOUBLE).toDoubleVector();
        double[] sq = x.mul(x).sum(0).castTo(DataType.DOUBLE).toDoubleVector();
        double lambda = ridge * java.util.Arrays.stream(sq).average().orElse(0);
        long subsets = 0;
        for (int[] k : sparse) subsets += (long) k.length * k.length;
        Gram g = !dense.isEmpty() || subsets >= (long) fanIn * fanIn ? Gram.full(x) : Gram.direct(x);
        if (!dense.isEmpty()) {
            int[] all = new int[fanIn];
            for (int j = 0; j < fanIn; j++) all[j] = j;
            double[] chol = cholesky(system(g, colSum, rows, all, lambda), fanIn + 1);
            for (int k : dense) place(w, k, fanIn, all, solve(chol, fanIn + 1, rhs(xt, kernels, tSum, all, k)), scale(foldScale, k));
        }
        for (int i = 0; i < sparse.size(); i++) {
            int[] s = sparse.get(i);
            int k = sparseKernels.get(i);
            double[] chol = cholesky(system(g, colSum, rows, s, lambda), s.length + 1);
            place(w, k, fanIn, s, solve(chol, s.length + 1, rhs(xt, kernels, tSum, s, k)), scale(foldScale, k));
        }
        return w;
    }

    /** Entries of {@code X^T X} over a subset of columns: from one GEMM of the whole, or summed over the rows on demand. */
    private interface Gram {
        /** {@code (X^T X)[s, s]}, row major. */
        double[] block(int[] s);

        static Gram full(INDArray x) {
            int f = (int) x.columns();
            double[] g = Nd4j.gemm(x, x, true, false).castTo(DataType.DOUBLE).dup('c').data().asDouble();
            return s -> {
                double[] b = new double[s.length * s.length];
                for (int i = 0; i < s.length; i++) for (int j = 0; j < s.length; j++) b[i * s.length + j] = g[s[i] * f + s[j]];
                return b;
            };
        }

        static Gram direct(INDArray x) {
            int rows = (int) x.rows(), f = (int) x.columns();
            float[] v = x.dup('c').data().asFloat();
            return s -> {
                int n = s.length;
                double[] b = new double[n * n];
                for (int r = 0; r < rows; r++) {
                    int o = r * f;
                    for (int i = 0; i < n; i++) {
                        double xi = v[o + s[i]];
                        if (xi == 0) continue;
                        for (int j = 0; j <= i; j++) b[i * n + j] += xi * v[o + s[j]];
                    }
                }
                for (int i = 0; i < n; i++) for (int j = 0; j < i; j++) b[j * n + i] = b[i * n + j];
                return b;
            };
        }
    }

    private static int[] kept(float[] mask, int k, int fanIn) {
        int n = 0;
        for (int j = 0; j < fanIn; j++) if (mask[k * fanIn + j] != 0) n++;
        int[] s = new int[n];
        for (int j = 0, i = 0; j < fanIn; j++) if (mask[k * fanIn + j] != 0) s[i++] = j;
        return s;
    }

    private static double scale(float[] foldScale, int k) {
        return foldScale == null ? 1 : foldScale[k];
    }

    /** The normal-equation matrix over the columns {@code s} and a bias column, ridge on the weights only. */
    private static double[] system(Gram g, double[] colSum, int rows, int[] s, double lambda) {
        int n = s.length + 1;
        double[] a = new double[n * n];
        double[] block = g.block(s);
        for (int i = 0; i < s.length; i++) {
            for (int j = 0; j < s.length; j++) a[i * n + j] = block[i * s.length + j];
            a[i * n + i] += lambda;
            a[i * n + s.length] = colSum[s[i]];
            a[s.length * n + i] = colSum[s[i]];
        }
        a[n * n - 1] = rows;
        return a;
    }

    /** {@code [X_S^T t_k, sum t_k]}. */
    private static double[] rhs(double[] xt, int kernels, double[] tSum, int[] s, int k) {
        double[] b = new double[s.length + 1];
        for (int i = 0; i < s.length; i++) b[i] = xt[s[i] * kernels + k];
        b[s.length] = tSum[k];
        return b;
    }

    /** Writes the solved weights of kernel {@code k} (the last entry is the bias, not kept) back in raw units. */
    private static void place(float[] w, int k, int fanIn, int[] s, double[] v, double foldScale) {
        if (v == null || foldScale == 0) return;
        for (int i = 0; i < s.length; i++) w[k * fanIn + s[i]] = (float) (v[i] / foldScale);
    }

    /** The lower Cholesky factor of the {@code n x n} matrix {@code a} (row major), or null if it is not positive definite. */
    static double[] cholesky(double[] a, int n) {
        double[] l = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double sum = a[i * n + j];
                for (int p = 0; p < j; p++) sum -= l[i * n + p] * l[j * n + p];
                if (i == j) {
                    if (!(sum > 0)) return null;
                    l[i * n + i] = Math.sqrt(sum);
                } else {
                    l[i * n + j] = sum / l[j * n + j];
                }
            }
        }
        return l;
    }

    /** Solves {@code L L^T v = b}; null if the factorisation failed. */
    static double[] solve(double[] l, int n, double[] b) {
        if (l == null) return null;
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double sum = b[i];
            for (int p = 0; p < i; p++) sum -= l[i * n + p] * y[p];
            y[i] = sum / l[i * n + i];
        }
        double[] v = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double sum = y[i];
            for (int p = i + 1; p < n; p++) sum -= l[p * n + i] * v[p];
            v[i] = sum / l[i * n + i];
        }
        return v;
    }
}
