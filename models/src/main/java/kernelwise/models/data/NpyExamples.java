package kernelwise.models.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Examples from a NumPy feature array ({@code [N, F]}, {@code [N, H, W]}, or {@code [N, H, W, C]} /
 * {@code [N, C, H, W]} images) and a label array (class indices {@code [N]} or {@code [N, 1]}, or one-hot
 * {@code [N, K]}). Four-dimensional features follow {@code layout} ({@code nhwc} or {@code nchw}); without it the
 * side of size 1, 3 or 4 is taken as the channels, and an array where that does not decide is refused.
 */
final class NpyExamples {
    private NpyExamples() {
    }

    static Examples read(Path featureFile, Path labelFile, String layout, double scale) throws IOException {
        Npy x = Npy.read(featureFile);
        Npy y = Npy.read(labelFile);
        int[] d = x.shape();
        if (d.length < 2 || d.length > 4) {
            throw new DataFormatException(featureFile, null, "features [N, F], [N, H, W] or [N, H, W, C] / [N, C, H, W]", Arrays.toString(d));
        }
        int[] labels = labels(y, d[0], featureFile);
        FeatureShape shape;
        float[] f = new float[x.values().length];
        double[] v = x.values();
        if (d.length == 4 && channelsLast(featureFile, d, layout)) {
            shape = FeatureShape.image(d[3], d[1], d[2]);
            int hw = d[1] * d[2], c = d[3], item = hw * c;
            for (int i = 0; i < d[0]; i++) {
                for (int p = 0; p < hw; p++) {
                    for (int ch = 0; ch < c; ch++) f[i * item + ch * hw + p] = (float) (v[i * item + p * c + ch] / scale);
                }
            }
        } else {
            shape = switch (d.length) {
                case 2 -> FeatureShape.vector(d[1]);
                case 3 -> FeatureShape.image(1, d[1], d[2]);
                default -> FeatureShape.image(d[1], d[2], d[3]);
            };
            for (int i = 0; i < f.length; i++) f[i] = (float) (v[i] / scale);
        }
        int declared = y.shape().length == 2 && y.shape()[1] > 1 ? y.shape()[1] : 0;
        return new Examples(featureFile, shape, f, labels, declared);
    }

    private static boolean channelsLast(Path file, int[] d, String layout) throws DataFormatException {
        if ("nhwc".equals(layout)) return true;
        if ("nchw".equals(layout)) return false;
        boolean last = d[3] <= 4, first = d[1] <= 4;
        if (last != first) return last;
        throw new DataFormatException(file, null, "images whose channels (1, 3 or 4) are either the last or the second dimension,"
                + " or layout=nhwc|nchw in the data spec", Arrays.toString(d));
    }

    private static int[] labels(Npy y, int n, Path featureFile) throws DataFormatException {
        int[] s = y.shape();
        if (s.length == 0 || s[0] != n || s.length > 2) {
            throw new DataFormatException(y.file(), null, n + " labels [" + n + "] or [" + n + ", K] (one per example of "
                    + featureFile.getFileName() + ")", Arrays.toString(s));
        }
        double[] v = y.values();
        int[] labels = new int[n];
        if (s.length == 2 && s[1] > 1) {
            for (int i = 0; i < n; i++) labels[i] = oneHot(y, v, i, s[1]);
            return labels;
        }
        for (int i = 0; i < n; i++) {
            double c = v[i];
            if (c < 0 || c != Math.rint(c)) throw new DataFormatException(y.file(), "example " + i, "a class index >= 0", c);
            labels[i] = (int) c;
        }
        return labels;
    }

    private static int oneHot(Npy y, double[] v, int row, int k) throws DataFormatException {
        int hot = -1, ones = 0, others = 0;
        for (int j = 0; j < k; j++) {
            double e = v[row * k + j];
            if (e == 1) {
                hot = j;
                ones++;
            } else if (e != 0) {
                others++;
            }
        }
        if (ones != 1 || others != 0) {
            throw new DataFormatException(y.file(), "example " + row, "a one-hot row of " + k + " values",
                    Arrays.toString(Arrays.copyOfRange(v, row * k, row * k + k)));
        }
        return hot;
    }
}
