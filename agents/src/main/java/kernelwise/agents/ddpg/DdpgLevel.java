package kernelwise.agents.ddpg;

import kernelwise.agents.util.Rng;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * One learning level: an {@link ActorCritic}, its {@link ReplayBuffer} and its exploration schedule
 * (uniform actions during warm-up, then the policy plus truncated-normal noise whose width decays per episode).
 */
public final class DdpgLevel {
    private final DdpgConfig cfg;
    private final ActorCritic net;
    private final ReplayBuffer replay;

    public DdpgLevel(int obsSize, int actSize, DdpgConfig cfg, long seed) {
        this.cfg = cfg;
        this.net = new ActorCritic(obsSize, actSize, cfg, seed);
        this.replay = new ReplayBuffer(cfg.replayCapacity(), obsSize, actSize);
    }

    public DdpgConfig config() {
        return cfg;
    }

    public ActorCritic net() {
        return net;
    }

    public ReplayBuffer replay() {
        return replay;
    }

    /** Whether {@code episode} (0-based) is still a warm-up episode. */
    public boolean warmup(long episode) {
        return episode < cfg.warmupEpisodes();
    }

    /** The exploration width in {@code episode} (0-based, warm-up episodes included). */
    public double noise(long episode) {
        return cfg.noiseAt(episode - cfg.warmupEpisodes());
    }

    /** An exploring action for {@code obs} in {@code episode}, written into {@code out}: uniform during warm-up. */
    public void explore(double[] obs, double[] out, long episode, Rng rng) {
        explore(obs, out, episode, rng, null, 0);
    }

    /**
     * As {@link #explore(double[], double[], long, Rng)}, but with a {@code centre} warm-up actions are truncated
     * normals of width {@code width} around it instead of uniform.
     */
    public void explore(double[] obs, double[] out, long episode, Rng rng, double[] centre, double width) {
        if (warmup(episode)) {
            for (int i = 0; i < out.length; i++) out[i] = centre == null ? rng.nextDouble() : rng.truncatedNormal(centre[i], width, 0.0, 1.0);
            return;
        }
        net.act(obs, out);
        double sigma = noise(episode);
        for (int i = 0; i < out.length; i++) out[i] = rng.truncatedNormal(out[i], sigma, 0.0, 1.0);
    }

    /**
     * As {@link #explore}, but warm-up actions are truncated normals of width {@code sigma} around {@code centre}
     * instead of uniform (the kernel level warms up around its layer's goal, so warm-up plans follow the goals
     * the layer level picked and both levels learn from them).
     */
    public void exploreAround(double[] obs, double[] out, long episode, Rng rng, double[] centre, double sigma) {
        if (!warmup(episode)) {
            explore(obs, out, episode, rng);
            return;
        }
        for (int i = 0; i < out.length; i++) out[i] = rng.truncatedNormal(centre[i], sigma, 0.0, 1.0);
    }

    /** The configured gradient steps after {@code episode}, if its warm-up is over. Returns the critic loss or NaN. */
    public double learn(long episode, double baseline, Rng rng) {
        if (episode + 1 < cfg.warmupEpisodes()) return Double.NaN;
        return net.train(replay, baseline, rng, cfg.updatesPerEpisode());
    }

    public void write(DataOutputStream out) throws IOException {
        net.write(out);
        replay.write(out);
    }

    public void read(DataInputStream in) throws IOException {
        net.read(in);
        replay.read(in);
    }
}
