package kernelwise.env.hardware;

/**
 * One layer on a roofline model: compute and memory overlap, so the layer takes the larger of the two.
 *
 * @param computeCycles cycles the compute array is busy
 * @param memoryCycles  cycles the memory interface is busy
 * @param energyPj      energy of the layer
 */
public record LayerTiming(double computeCycles, double memoryCycles, double energyPj) {

    /** Latency of the layer: {@code max(compute, memory)}. */
    public double cycles() {
        return Math.max(computeCycles, memoryCycles);
    }
}
