package kernelwise.env;

/**
 * What a plan costs on one hardware model, in total and per compressible layer.
 *
 * @param hardware      the model's name
 * @param cycles        latency in cycles, whole network, one image
 * @param seconds       latency in seconds, whole network, one image
 * @param energyPj      energy in picojoules, whole network, one image
 * @param storageBits   bits to store the weights, sparse index overhead included
 * @param layerCycles   cycles per layer
 * @param layerEnergyPj energy per layer
 */
public record Cost(String hardware, double cycles, double seconds, double energyPj, long storageBits,
                   double[] layerCycles, double[] layerEnergyPj) {

    public Cost {
        layerCycles = layerCycles.clone();
        layerEnergyPj = layerEnergyPj.clone();
    }

    @Override
    public double[] layerCycles() {
        return layerCycles.clone();
    }

    @Override
    public double[] layerEnergyPj() {
        return layerEnergyPj.clone();
    }

    /** The value of one budgeted resource: {@code latency}, {@code energy} or {@code size}. */
    public double of(Resource r) {
        return switch (r) {
            case LATENCY -> cycles;
            case ENERGY -> energyPj;
            case SIZE -> storageBits;
        };
    }
}
