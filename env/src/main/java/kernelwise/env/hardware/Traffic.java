package kernelwise.env.hardware;

import kernelwise.models.compress.KernelStorage;
import kernelwise.models.plan.CompressionPlan;
import kernelwise.models.plan.LayerInfo;
import kernelwise.models.plan.LayerPlan;
import kernelwise.models.plan.NetworkSpec;

/**
 * Bits a layer moves between DRAM and the accelerator for one image, under ideal on-chip reuse: the packed weights
 * once (exactly {@link KernelStorage}, so pruning and low bits shrink the weight traffic), the input feature map once
 * and the output feature map once, both at the layer's activation bits.
 */
final class Traffic {

    private Traffic() {
    }

    /** Packed weight bits of one layer, sparse index overhead included. */
    static long weightBits(LayerInfo l, LayerPlan p) {
        long bits = 0;
        for (int k = 0; k < l.kernels(); k++) {
            bits += KernelStorage.bits(l.fanIn(), p.keptWeights(k, l.fanIn()), p.weightBits(k));
        }
        return bits;
    }

    /** Packed weight bits of the whole plan: what the {@code .kw} payload holds (before byte padding). */
    static long storageBits(NetworkSpec spec, CompressionPlan plan) {
        long bits = 0;
        for (int i = 0; i < spec.size(); i++) bits += weightBits(spec.layer(i), plan.layer(i));
        return bits;
    }

    /** Values of the layer's input: {@code inChannels*inH*inW} (conv) or {@code inChannels} (dense). */
    static long inputValues(LayerInfo l) {
        return (long) l.inChannels() * Math.max(1, l.inH()) * Math.max(1, l.inW());
    }

    /** Kernels not removed. */
    static int liveKernels(LayerInfo l, LayerPlan p) {
        int n = 0;
        for (int k = 0; k < l.kernels(); k++) if (p.keptWeights(k, l.fanIn()) > 0) n++;
        return n;
    }

    /** Bits in and out of DRAM for one layer at effective activation bits {@code a}. */
    static double dramBits(LayerInfo l, LayerPlan p, int a) {
        return weightBits(l, p) + (double) inputValues(l) * a + (double) liveKernels(l, p) * l.outputPositions() * a;
    }
}
