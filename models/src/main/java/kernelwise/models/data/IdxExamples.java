package kernelwise.models.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Examples from an IDX feature file of any dimensions ({@code N x F}, {@code N x H x W}, {@code N x H x W x C};
 * unsigned bytes, raw or gzipped) and an IDX label file ({@code N}). Features are divided by {@code scale}
 * (255 by default); channels-last images become channels-first.
 */
final class IdxExamples {
    private IdxExamples() {
    }

    static Examples read(Path featureFile, Path labelFile, double scale) throws IOException {
        Idx x = IdxReader.readAny(featureFile);
        Idx y = IdxReader.read(labelFile, Idx.LABELS);
        int[] d = x.dims();
        if (d.length < 2) throw new IdxFormatException(featureFile, "features of 2 to 4 dimensions (N x ...)", Arrays.toString(d));
        if (y.items() != x.items()) {
            throw new IdxFormatException(labelFile, x.items() + " labels (one per example of " + featureFile.getFileName() + ")", y.items());
        }
        FeatureShape shape = switch (d.length) {
            case 2 -> FeatureShape.vector(d[1]);
            case 3 -> FeatureShape.image(1, d[1], d[2]);
            default -> FeatureShape.image(d[3], d[1], d[2]);
        };
        float[] f = new float[x.data().length];
        byte[] px = x.data();
        float s = (float) scale;
        if (d.length == 4) channelsFirst(px, f, x.items(), d[1], d[2], d[3], s);
        else for (int i = 0; i < f.length; i++) f[i] = (px[i] & 0xFF) / s;
        int[] labels = new int[y.items()];
        for (int i = 0; i < labels.length; i++) labels[i] = y.data()[i] & 0xFF;
        return new Examples(featureFile, shape, f, labels);
    }

    /** {@code [n, h, w, c]} bytes to {@code [n, c, h, w]} floats. */
    static void channelsFirst(byte[] px, float[] f, int n, int h, int w, int c, float scale) {
        int hw = h * w, item = hw * c;
        for (int i = 0; i < n; i++) {
            int o = i * item;
            for (int p = 0; p < hw; p++) {
                for (int ch = 0; ch < c; ch++) f[o + ch * hw + p] = (px[o + p * c + ch] & 0xFF) / scale;
            }
        }
    }
}
