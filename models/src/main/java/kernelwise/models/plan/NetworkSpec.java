package kernelwise.models.plan;

import java.util.List;

/**
 * The compressible layers of a network, in forward order. A plan is written for one spec; its
 * {@link #fingerprint()} ties the two together.
 *
 * @param layers the compressible layers, {@code layers.get(i).index() == i}
 */
public record NetworkSpec(List<LayerInfo> layers) {

    public NetworkSpec {
        layers = List.copyOf(layers);
        if (layers.isEmpty()) throw new IllegalArgumentException("a network spec needs at least one compressible layer, found none");
        for (int i = 0; i < layers.size(); i++) {
            if (layers.get(i).index() != i) {
                throw new IllegalArgumentException("layer " + layers.get(i).name() + " has index " + layers.get(i).index() + ", expected " + i);
            }
        }
    }

    public int size() {
        return layers.size();
    }

    public LayerInfo layer(int i) {
        return layers.get(i);
    }

    /** Total kernels over all layers. */
    public int totalKernels() {
        return layers.stream().mapToInt(LayerInfo::kernels).sum();
    }

    /** Total weights over all layers (biases excluded). */
    public long totalWeights() {
        return layers.stream().mapToLong(LayerInfo::weights).sum();
    }

    /** Total MACs per image of the uncompressed network. */
    public long totalMacs() {
        return layers.stream().mapToLong(LayerInfo::macs).sum();
    }

    /**
     * A short text that identifies the network's compressible structure: layer names, kinds, kernel counts and
     * fan-ins. Two networks with the same fingerprint accept the same plans.
     */
    public String fingerprint() {
        StringBuilder sb = new StringBuilder();
        for (LayerInfo l : layers) {
            if (!sb.isEmpty()) sb.append('|');
            sb.append(l.name()).append(':').append(l.kind()).append(':').append(l.kernels()).append('x').append(l.fanIn());
        }
        return sb.toString();
    }
}
