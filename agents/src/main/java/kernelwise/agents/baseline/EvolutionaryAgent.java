package kernelwise.agents.baseline;

import kernelwise.agents.Agent;
import kernelwise.agents.AgentConfig;
import kernelwise.agents.Episode;
import kernelwise.agents.util.Rng;
import kernelwise.agents.util.StateIO;
import kernelwise.env.EpisodeResult;
import kernelwise.env.HierarchicalEnv;
import kernelwise.models.plan.CompressionPlan;
import kernelwise.models.plan.NetworkSpec;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The evolutionary baseline: the first {@link EvolutionConfig#randomEpisodes()} plans are random (per layer a random
 * goal, kernels scattered around it); afterwards each plan is a mutation of a parent picked by a two-way
 * tournament among the top-{@link EvolutionConfig#population()} plans scored so far. Plans are scored with
 * {@link HierarchicalEnv#evaluate} (budget projection included; the projected plan is what enters the
 * population), and {@link #runEpisodes} scores a whole batch in parallel with {@link HierarchicalEnv#evaluateAll}.
 * One plan scored = one episode. Works on either view of the env (it never steps it).
 */
public final class EvolutionaryAgent implements Agent {
    public static final String NAME = "evolutionary";

    private final EvolutionConfig cfg;
    private final PlanMutator mutator;
    private final Rng rng;
    private final List<Member> population = new ArrayList<>();
    private long episodesRun;

    public EvolutionaryAgent(AgentConfig cfg, HierarchicalEnv env, long seed) {
        this.cfg = cfg.evolution();
        this.mutator = new PlanMutator(env.spec(), this.cfg);
        this.rng = new Rng(seed);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Episode runEpisode(HierarchicalEnv env, long episode) {
        long start = System.nanoTime();
        CompressionPlan child = breed(episode);
        long bred = System.nanoTime();
        EpisodeResult result = env.evaluate(child);
        long scored = System.nanoTime();
        admit(result);
        episodesRun++;
        double agentSeconds = ((bred - start) + (System.nanoTime() - scored)) / 1e9;
        return new Episode(episode, List.of(), result, agentSeconds);
    }

    /** Breeds {@code count} plans from the population as it stands, scores them in parallel, then admits them. */
    @Override
    public List<Episode> runEpisodes(HierarchicalEnv env, long first, int count) {
        if (count <= 0) throw new IllegalArgumentException("count must be positive, found " + count);
        long start = System.nanoTime();
        List<CompressionPlan> children = new ArrayList<>(count);
        for (int i = 0; i < count; i++) children.add(breed(first + i));
        long bred = System.nanoTime();
        List<EpisodeResult> results = env.evaluateAll(children);
        long scored = System.nanoTime();
        results.forEach(this::admit);
        episodesRun += count;
        double agentSeconds = ((bred - start) + (System.nanoTime() - scored)) / 1e9 / count;
        List<Episode> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) out.add(new Episode(first + i, List.of(), results.get(i), agentSeconds));
        return out;
    }

    private CompressionPlan breed(long episode) {
        if (episode < cfg.randomEpisodes() || population.isEmpty()) return mutator.random(rng);
        Member a = population.get(rng.nextInt(population.size()));
        Member b = population.get(rng.nextInt(population.size()));
        return mutator.mutate(a.reward >= b.reward ? a.plan : b.plan, rng);
    }

    private void admit(EpisodeResult r) {
        population.add(new Member(r.plan(), r.reward()));
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
        out.writeLong(episodesRun);
        out.writeLong(rng.state());
        out.writeInt(population.size());
        for (Member m : population) {
            out.writeDouble(m.reward);
            byte[] json = m.plan.toJson().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            out.writeInt(json.length);
            out.write(json);
        }
    }

    private void read(DataInputStream in) throws IOException {
        episodesRun = in.readLong();
        rng.setState(in.readLong());
        int n = in.readInt();
        population.clear();
        for (int i = 0; i < n; i++) {
            double reward = in.readDouble();
            byte[] json = new byte[in.readInt()];
            in.readFully(json);
            CompressionPlan plan = CompressionPlan.fromJson(new String(json, java.nio.charset.StandardCharsets.UTF_8));
            plan.checkAgainst(mutator.spec());
            population.add(new Member(plan, reward));
        }
    }

    private record Member(CompressionPlan plan, double reward) {
    }

    /** The network this agent writes plans for. */
    public NetworkSpec spec() {
        return mutator.spec();
    }
}
