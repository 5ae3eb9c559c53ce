package kernelwise.models.data;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The shape of one example's features: {@code [F]} for a vector, {@code [C, H, W]} for an image (channels first,
 * the order DL4J flattens images in). Written {@code F} or {@code CxHxW}.
 */
public record FeatureShape(int[] dims) {

    public FeatureShape {
        if (dims == null || (dims.length != 1 && dims.length != 3)) {
            throw new IllegalArgumentException("a feature shape is F or CxHxW, found " + (dims == null ? "none" : Arrays.toString(dims)));
        }
        for (int d : dims) if (d <= 0) throw new IllegalArgumentException("feature dimensions must be positive, found " + Arrays.toString(dims));
        dims = dims.clone();
    }

    /** A vector of {@code n} features. */
    public static FeatureShape vector(int n) {
        return new FeatureShape(new int[]{n});
    }

    /** An image of {@code c} channels, {@code h} rows and {@code w} columns. */
    public static FeatureShape image(int c, int h, int w) {
        return new FeatureShape(new int[]{c, h, w});
    }

    /**
     * Reads {@code F} or {@code CxHxW}.
     *
     * @throws IllegalArgumentException naming the text
     */
    public static FeatureShape parse(String text) {
        try {
            return new FeatureShape(Arrays.stream(text.trim().split("x")).mapToInt(Integer::parseInt).toArray());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a feature shape is F or CxHxW (e.g. 3x32x32), found '" + text + "'");
        }
    }

    /** The shape of an array of examples {@code [N, ...]} without its first dimension. */
    public static FeatureShape ofArray(long[] shape) {
        long[] rest = Arrays.copyOfRange(shape, 1, shape.length);
        return new FeatureShape(Arrays.stream(rest).mapToInt(Math::toIntExact).toArray());
    }

    @Override
    public int[] dims() {
        return dims.clone();
    }

    /** Whether this is an image {@code [C, H, W]}. */
    public boolean isImage() {
        return dims.length == 3;
    }

    public int channels() {
        return isImage() ? dims[0] : 1;
    }

    public int height() {
        return isImage() ? dims[1] : 1;
    }

    public int width() {
        return isImage() ? dims[2] : dims[0];
    }

    /** Features per example. */
    public int size() {
        int n = 1;
        for (int d : dims) n = Math.multiplyExact(n, d);
        return n;
    }

    /** The shape of {@code n} examples: {@code [n, ...dims]}. */
    public long[] withExamples(long n) {
        long[] s = new long[dims.length + 1];
        s[0] = n;
        for (int i = 0; i < dims.length; i++) s[i + 1] = dims[i];
        return s;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FeatureShape f && Arrays.equals(dims, f.dims);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(dims);
    }

    @Override
    public String toString() {
        return Arrays.stream(dims).mapToObj(Integer::toString).collect(Collectors.joining("x"));
    }
}
