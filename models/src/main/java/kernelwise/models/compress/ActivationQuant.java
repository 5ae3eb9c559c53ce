package kernelwise.models.compress;

import kernelwise.models.plan.CompressionPlan;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Uniform quantization of one layer's input activations: {@code q(x) = clamp(round(x / scale), lo, hi) * scale}.
 * <p>
 * Unsigned when the calibrated range has no negative values (inputs after a ReLU, a max-pool of ReLU outputs, or
 * images in [0,1]): levels {@code 0 .. 2^b - 1}, {@code scale = max / (2^b - 1)}. Signed otherwise: symmetric
 * levels {@code -(2^(b-1) - 1) .. 2^(b-1) - 1}, {@code scale = max|x| / (2^(b-1) - 1)}. Values outside the
 * calibrated range are clipped.
 *
 * @param bits  activation bits, 2..8
 * @param scale step between levels (positive)
 * @param lo    lowest level
 * @param hi    highest level
 */
public record ActivationQuant(int bits, double scale, int lo, int hi) {

    public ActivationQuant {
        if (bits < 2 || bits > 8) throw new IllegalArgumentException("activation bits must be 2..8, found " + bits);
        if (!(scale > 0) || Double.isInfinite(scale)) throw new IllegalArgumentException("activation scale must be positive, found " + scale);
        if (lo >= hi) throw new IllegalArgumentException("activation levels need lo < hi, found " + lo + ".." + hi);
    }

    /** The quantizer of {@code bits} for a calibrated range, or null for {@link CompressionPlan#FLOAT_BITS}. */
    public static ActivationQuant of(int bits, double min, double max) {
        if (bits == CompressionPlan.FLOAT_BITS) return null;
        if (!CompressionPlan.validActivationBits(bits)) throw new IllegalArgumentException("activation bits must be 2..8 or 32, found " + bits);
        boolean unsigned = min >= 0;
        int hi = unsigned ? (1 << bits) - 1 : (1 << (bits - 1)) - 1;
        double range = unsigned ? max : Math.max(Math.abs(min), Math.abs(max));
        double scale = range > 0 ? range / hi : 1.0;
        return new ActivationQuant(bits, scale, unsigned ? 0 : -hi, hi);
    }

    /** Whether the levels are unsigned (the range had no negative values). */
    public boolean unsigned() {
        return lo == 0;
    }

    /** Quantizes {@code x} in place and returns it. */
    public INDArray applyInPlace(INDArray x) {
        x.divi(scale);
        Transforms.round(x, false);
        Transforms.max(x, lo, false);
        Transforms.min(x, hi, false);
        return x.muli(scale);
    }

    /** A quantized copy of {@code x}. */
    public INDArray apply(INDArray x) {
        return applyInPlace(x.dup());
    }
}
