package kernelwise.agents.baseline;

import kernelwise.agents.Agent;
import kernelwise.agents.AgentConfig;
import kernelwise.agents.Episode;
import kernelwise.agents.util.EpisodeLoop;
import kernelwise.agents.util.Rng;
import kernelwise.agents.util.StateIO;
import kernelwise.env.HierarchicalEnv;
import kernelwise.env.Level;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The evolutionary baseline, in the same space as the learning agents: a genome is the whole sequence of actions of an
 * episode (each layer's HIGH action, each kernel's LOW action), played through the env's steps, so that it meets the
 * same action mapping, kernel allocation and budget limiting. The first {@link EvolutionConfig#randomEpisodes()}
 * genomes are random (HIGH actions uniform, LOW actions a truncated normal of width
 * {@link AgentConfig#randomKernelSigma()} around the action that follows the layer's goal); afterwards each genome is a
 * mutation of a parent picked by a two-way tournament among the top-{@link EvolutionConfig#population()}: each layer's
 * HIGH action with probability {@code layerRate}, each kernel's LOW action with probability {@code kernelRate}, moves
 * by a normal step of width {@code step} (clamped to [0,1]). Works on either view of the env.
 */
public final class EvolutionaryAgent implements Agent {
    public static final String NAME = "evolutionary";
    /** Layout of this agent's state; 1 (plans mutated in plan space, before genomes were actions) is refused. */
    private static final int FORMAT = 2;

    private final EvolutionConfig cfg;
    private final double sigma;
    private final double highSigma;
    private final Rng rng;
    private final List<Member> population = new ArrayList<>();
    private long episodesRun;

    public EvolutionaryAgent(AgentConfig cfg, HierarchicalEnv env, long seed) {
        this.cfg = cfg.evolution();
        this.sigma = cfg.randomKernelSigma();
        this.highSigma = cfg.randomHighSigma();
        this.rng = new Rng(seed);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Episode runEpisode(HierarchicalEnv env, long episode) {
        long start = System.nanoTime();
        boolean random = episode < cfg.randomEpisodes() || population.isEmpty();
        double[] parent = random ? null : tournament();
        List<Double> genome = new ArrayList<>();
        EpisodeLoop.Played played = EpisodeLoop.play(env, new EpisodeLoop.Policy() {
            private double[] goal;

            @Override
            public double[] act(Level level, double[] observation) {
                int n = level == Level.HIGH ? env.highActionSize() : env.lowActionSize();
                double[] a = new double[n];
                int at = genome.size();
                if (parent != null && at + n <= parent.length) {
                    System.arraycopy(parent, at, a, 0, n);
                    if (rng.nextDouble() < (level == Level.HIGH ? cfg.layerRate() : cfg.kernelRate())) {
                        for (int i = 0; i < n; i++) a[i] = Math.max(0, Math.min(1, a[i] + cfg.step() * rng.nextGaussian()));
                    }
                } else if (level == Level.HIGH) {
                    double[] centre = env.neutralHighAction();
                    for (int i = 0; i < n; i++) a[i] = centre == null ? rng.nextDouble() : rng.truncatedNormal(centre[i], highSigma, 0, 1);
                } else {
                    double[] centre = env.neutralLowAction(goal);
                    for (int i = 0; i < n; i++) a[i] = rng.truncatedNormal(centre[i], sigma, 0, 1);
                }
                if (level == Level.HIGH) goal = java.util.Arrays.copyOfRange(a, 1, n);
                for (double v : a) genome.add(v);
                return a;
            }
        });
        double[] g = genome.stream().mapToDouble(Double::doubleValue).toArray();
        admit(g, played.result().reward());
        episodesRun++;
        return new Episode(episode, played.trajectory(), played.result(), (System.nanoTime() - start - played.envNanos()) / 1e9);
    }

    /** The better of two random members of the population. */
    private double[] tournament() {
        Member a = population.get(rng.nextInt(population.size()));
        Member b = population.get(rng.nextInt(population.size()));
        return a.reward >= b.reward ? a.genome : b.genome;
    }

    private void admit(double[] genome, double reward) {
        population.add(new Member(genome, reward));
        population.sort(Comparator.comparingDouble((Member m) -> -m.reward));
        while (population.size() > cfg.population()) population.remove(population.size() - 1);
    }

    /** The best reward in the population (NaN when empty). */
    public double bestReward() {
        return population.isEmpty() ? Double.NaN : population.get(0).reward;
    }

    @Override
    public byte[] saveState() {
        return StateIO.save(NAME, this::write);
    }

    @Override
    public void restoreState(byte[] state) {
        StateIO.restore(NAME, state, this::read);
    }

    private void write(DataOutputStream out) throws IOException {
        out.writeInt(-FORMAT);
        out.writeLong(episodesRun);
        out.writeLong(rng.state());
        out.writeInt(population.size());
        for (Member m : population) {
            out.writeDouble(m.reward);
            out.writeInt(m.genome.length);
            for (double v : m.genome) out.writeDouble(v);
        }
    }

    private void read(DataInputStream in) throws IOException {
        int format = -in.readInt();
        if (format != FORMAT) {
            throw new IllegalArgumentException("this evolutionary agent state was written by an earlier kernelwise (it mutated plans, not action"
                    + " sequences) and cannot be continued; start a new run");
        }
        episodesRun = in.readLong();
        rng.setState(in.readLong());
        int n = in.readInt();
        population.clear();
        for (int i = 0; i < n; i++) {
            double reward = in.readDouble();
            double[] genome = new double[in.readInt()];
            for (int j = 0; j < genome.length; j++) genome[j] = in.readDouble();
            population.add(new Member(genome, reward));
        }
    }

    private record Member(double[] genome, double reward) {
    }
}
