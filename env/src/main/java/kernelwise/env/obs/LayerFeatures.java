package kernelwise.env.obs;

import kernelwise.models.plan.LayerInfo;
import kernelwise.models.plan.NetworkSpec;

import java.util.Arrays;

/** The static, normalised features of layers and kernels, computed once per network. */
final class LayerFeatures {

    /** Static layer features: index, kind, in channels, kernels, kernel area, stride, input area, weights, MACs. */
    static final int COUNT = 9;

    private LayerFeatures() {
    }

    static double[][] of(NetworkSpec spec) {
        int n = spec.size();
        double[][] raw = new double[n][];
        for (int i = 0; i < n; i++) {
            LayerInfo l = spec.layer(i);
            raw[i] = new double[]{l.inChannels(), l.kernels(), (double) l.kernelH() * l.kernelW(), l.stride(),
                    (double) Math.max(1, l.inH()) * Math.max(1, l.inW()), l.weights(), l.macs()};
        }
        double[][] out = new double[n][COUNT];
        for (int i = 0; i < n; i++) {
            out[i][0] = n > 1 ? (double) i / (n - 1) : 0;
            out[i][1] = switch (spec.layer(i).kind()) {
                case CONV -> 0.0;
                case DENSE -> 0.5;
                case OUTPUT -> 1.0;
            };
            for (int f = 0; f < raw[i].length; f++) {
                double max = 0;
                for (double[] r : raw) max = Math.max(max, r[f]);
                out[i][2 + f] = max > 0 ? Math.log1p(raw[i][f]) / Math.log1p(max) : 0;
            }
        }
        return out;
    }

    /** Per kernel: L1, std and max |w| over the layer's largest, and the rank of its L2 norm in [0,1]. */
    static double[][][] kernels(NetworkSpec spec, KernelStats stats) {
        double[][][] out = new double[spec.size()][][];
        for (int i = 0; i < spec.size(); i++) {
            int k = spec.layer(i).kernels();
            double[] rank = ranks(stats.l2()[i]);
            double[] l1 = overMax(stats.l1()[i]), std = overMax(stats.std()[i]), max = overMax(stats.maxAbs()[i]);
            out[i] = new double[k][];
            for (int j = 0; j < k; j++) out[i][j] = new double[]{l1[j], std[j], max[j], rank[j]};
        }
        return out;
    }

    private static double[] overMax(double[] v) {
        double max = Arrays.stream(v).max().orElse(0);
        double[] out = new double[v.length];
        for (int j = 0; j < v.length; j++) out[j] = max > 0 ? Math.max(0, Math.min(1, v[j] / max)) : 0;
        return out;
    }

    /** Rank of each value among {@code v} scaled to [0,1] (ties share the lower rank). */
    static double[] ranks(double[] v) {
        int n = v.length;
        Integer[] idx = new Integer[n];
        for (int i = 0; i < n; i++) idx[i] = i;
        Arrays.sort(idx, (a, b) -> Double.compare(v[a], v[b]));
        double[] r = new double[n];
        for (int pos = 0; pos < n; pos++) {
            int p = pos;
            while (p > 0 && v[idx[p - 1]] == v[idx[pos]]) p--;
            r[idx[pos]] = n > 1 ? (double) p / (n - 1) : 0;
        }
        return r;
    }
}
