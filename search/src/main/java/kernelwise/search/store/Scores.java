package kernelwise.search.store;

import kernelwise.env.Cost;
import kernelwise.env.Resource;
import kernelwise.env.EpisodeResult;

/**
 * The figures of one scored plan, as the store keeps them.
 *
 * @param accuracy     search-validation accuracy in [0,1]
 * @param hardware     the hardware model's name
 * @param cycles       latency in cycles per image
 * @param seconds      latency in seconds per image
 * @param energyPj     energy in picojoules per image
 * @param storageBits  bits of the packed weights
 * @param relativeCost the budgeted resource over the reference plan's
 * @param reward       the extrinsic reward
 */
public record Scores(double accuracy, String hardware, double cycles, double seconds, double energyPj,
                     long storageBits, double relativeCost, double reward) {

    public Scores {
        if (hardware == null) throw new IllegalArgumentException("hardware must not be null");
    }

    public static Scores of(EpisodeResult r) {
        Cost c = r.cost();
        return new Scores(r.accuracy(), c.hardware(), c.cycles(), c.seconds(), c.energyPj(), c.storageBits(),
                r.relativeCost(), r.reward());
    }

    /** The value of one cost axis (lower is better). */
    public double cost(Resource axis) {
        return switch (axis) {
            case LATENCY -> cycles;
            case ENERGY -> energyPj;
            case SIZE -> storageBits;
        };
    }
}
