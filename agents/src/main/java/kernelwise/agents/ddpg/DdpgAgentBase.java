package kernelwise.agents.ddpg;

import kernelwise.agents.Agent;
import kernelwise.agents.AgentConfig;
import kernelwise.agents.Episode;
import kernelwise.agents.util.EpisodeLoop;
import kernelwise.agents.util.Rng;
import kernelwise.agents.util.StateIO;
import kernelwise.env.HierarchicalEnv;
import kernelwise.env.Level;
import kernelwise.env.StepResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The episode loop shared by the hierarchical and the flat DDPG agents: act with exploration, collect the
 * episode, normalise its extrinsic reward by a moving baseline, fill the replay buffers, then learn.
 * The flat agent is this loop without a low level.
 */
abstract class DdpgAgentBase implements Agent {
    private static final Logger log = LoggerFactory.getLogger(DdpgAgentBase.class);

    private final String name;
    private final AgentConfig cfg;
    private final DdpgLevel high;
    private final DdpgLevel low;          // null for the flat agent
    private final int lowObsSize;
    private final int goalSize;
    private final Rng rng;
    private double baseline;
    private boolean baselineSet;
    private long episodesRun;

    DdpgAgentBase(String name, AgentConfig cfg, HierarchicalEnv env, long seed, boolean hierarchical) {
        this.name = name;
        this.cfg = cfg;
        Rng seeds = new Rng(seed);
        this.high = new DdpgLevel(env.highObservationSize(), env.highActionSize(), cfg.high(), seeds.nextLong());
        this.lowObsSize = env.lowObservationSize();
        this.goalSize = env.lowActionSize();
        this.low = hierarchical ? new DdpgLevel(lowObsSize + goalSize, env.lowActionSize(), cfg.low(), seeds.nextLong()) : null;
        this.rng = seeds.split();
    }

    @Override
    public String name() {
        return name;
    }

    /** Refuses an environment this agent cannot drive, with a message saying why. */
    abstract void checkEnv(HierarchicalEnv env);

    /** The layer level (for tests and diagnostics). */
    public DdpgLevel high() {
        return high;
    }

    /** The kernel level, or null for the flat agent. */
    public DdpgLevel low() {
        return low;
    }

    /** The moving baseline of the extrinsic reward (NaN before the first episode). */
    public double baseline() {
        return baselineSet ? baseline : Double.NaN;
    }

    /**
     * Plays one episode exploring, then learns from it. {@code episode} drives the warm-up and noise schedules, so a
     * caller resuming a run must pass the same numbers an uninterrupted run would have.
     */
    @Override
    public Episode runEpisode(HierarchicalEnv env, long episode) {
        long start = System.nanoTime();
        List<Step> highs = new ArrayList<>();
        List<Step> lows = new ArrayList<>();
        List<double[]> achieved = new ArrayList<>();
        EpisodeLoop.Played played = play(env, episode, true, highs, lows, achieved);
        double reward = played.result().reward();
        updateBaseline(reward);
        storeHigh(highs, lows, reward, achieved);
        if (low != null) storeLow(lows, reward);
        double highLoss = high.learn(episode, baseline, rng);
        double lowLoss = low == null ? Double.NaN : low.learn(episode, baseline, rng);
        episodesRun++;
        double agentSeconds = (System.nanoTime() - start - played.envNanos()) / 1e9;
        log.debug("{} episode {}: reward {} baseline {} critic loss high {} low {} agent {} s env {} s", name, episode,
                reward, baseline, highLoss, lowLoss, agentSeconds, played.envNanos() / 1e9);
        return new Episode(episode, played.trajectory(), played.result(), agentSeconds);
    }

    /** The actors' own actions, no noise, no learning; the agent's state is left as it was. */
    @Override
    public Episode greedyEpisode(HierarchicalEnv env, long episode) {
        long start = System.nanoTime();
        EpisodeLoop.Played played = play(env, episode, false, new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        return new Episode(episode, played.trajectory(), played.result(), (System.nanoTime() - start - played.envNanos()) / 1e9);
    }

    /**
     * One episode, exploring or greedy, its steps (network inputs and actions) collected into {@code highs} and
     * {@code lows}, and per layer the goal its kernels achieved as the env reported it (null if not) into {@code achieved}.
     */
    private EpisodeLoop.Played play(HierarchicalEnv env, long episode, boolean explore, List<Step> highs, List<Step> lows,
                                    List<double[]> achieved) {
        checkEnv(env);
        return EpisodeLoop.play(env, new EpisodeLoop.Policy() {
            private final double[] goal = new double[goalSize];
            private double[] input;

            @Override
            public double[] act(Level level, double[] observation) {
                double[] action;
                if (level == Level.HIGH) {
                    input = observation.clone();
                    action = new double[env.highActionSize()];
                    if (explore) high.explore(input, action, episode, rng, env.neutralHighAction(), cfg.randomHighSigma());
                    else high.net().act(input, action);
                    System.arraycopy(action, 1, goal, 0, goalSize);
                } else {
                    if (low == null) throw new IllegalStateException(name + " got a LOW step from an env with kernelSteps() false");
                    input = lowInput(observation, goal);
                    action = new double[env.lowActionSize()];
                    if (explore) low.exploreAround(input, action, episode, rng, env.neutralLowAction(goal), cfg.randomKernelSigma());
                    else low.net().act(input, action);
                }
                return action;
            }

            @Override
            public void stepped(Level level, double[] action, StepResult step) {
                (level == Level.HIGH ? highs : lows).add(new Step(input, action, step.reward(), highs.size() - 1));
                if (level == Level.HIGH) achieved.add(null);
                if (step.achievedGoal() != null) achieved.set(highs.size() - 1, step.achievedGoal());
            }
        });
    }

    private double[] lowInput(double[] obs, double[] goal) {
        double[] in = new double[lowObsSize + goalSize];
        System.arraycopy(obs, 0, in, 0, lowObsSize);
        System.arraycopy(goal, 0, in, lowObsSize, goalSize);
        return in;
    }

    private void updateBaseline(double reward) {
        double alpha = cfg.high().baselineAlpha();
        baseline = baselineSet ? alpha * baseline + (1 - alpha) * reward : reward;
        baselineSet = true;
    }

    private void storeHigh(List<Step> highs, List<Step> lows, double reward, List<double[]> achieved) {
        boolean mc = cfg.high().returns() == DdpgConfig.Returns.MONTE_CARLO;
        for (int i = 0; i < highs.size(); i++) {
            Step h = highs.get(i);
            double[] a = !cfg.relabelGoals() ? h.action : achieved.get(i) != null ? withGoal(h.action, achieved.get(i)) : achievedGoal(h, i, lows);
            boolean last = i == highs.size() - 1;
            if (mc) high.replay().add(h.input, a, reward, null, true, 1);
            else high.replay().add(h.input, a, last ? reward : 0, last ? null : highs.get(i + 1).input, last, last ? 1 : 0);
        }
    }

    /** The HIGH action with its goal entries replaced by {@code goal}. */
    private static double[] withGoal(double[] high, double[] goal) {
        double[] a = high.clone();
        System.arraycopy(goal, 0, a, 1, goal.length);
        return a;
    }

    /** The HIGH action with its goal replaced by the mean of its layer's kernel actions (HIRO's correction). */
    private static double[] achievedGoal(Step h, int layer, List<Step> lows) {
        double[] a = h.action.clone();
        int n = 0;
        for (Step s : lows) {
            if (s.layer != layer) continue;
            if (n++ == 0) java.util.Arrays.fill(a, 1, a.length, 0);
            for (int i = 1; i < a.length; i++) a[i] += s.action[i - 1];
        }
        for (int i = 1; n > 0 && i < a.length; i++) a[i] /= n;
        return a;
    }

    private void storeLow(List<Step> lows, double reward) {
        boolean mc = cfg.low().returns() == DdpgConfig.Returns.MONTE_CARLO;
        double share = cfg.extrinsicShare();
        for (int j = 0; j < lows.size(); j++) {
            Step s = lows.get(j);
            boolean layerEnd = j == lows.size() - 1 || lows.get(j + 1).layer != s.layer;
            boolean done = mc || layerEnd;
            low.replay().add(s.input, s.action, s.reward + share * reward, done ? null : lows.get(j + 1).input, done, share);
        }
    }

    @Override
    public byte[] saveState() {
        return StateIO.save(name, this::write);
    }

    @Override
    public void restoreState(byte[] state) {
        StateIO.restore(name, state, this::read);
    }

    private void write(DataOutputStream out) throws IOException {
        out.writeLong(episodesRun);
        out.writeLong(rng.state());
        out.writeBoolean(baselineSet);
        out.writeDouble(baseline);
        out.writeBoolean(low != null);
        high.write(out);
        if (low != null) low.write(out);
    }

    private void read(DataInputStream in) throws IOException {
        episodesRun = in.readLong();
        rng.setState(in.readLong());
        baselineSet = in.readBoolean();
        baseline = in.readDouble();
        boolean hasLow = in.readBoolean();
        if (hasLow != (low != null)) throw new IllegalArgumentException("state " + (hasLow ? "has" : "lacks") + " a low level, agent " + name + " does not");
        high.read(in);
        if (low != null) low.read(in);
    }

    /** Episodes played by this agent (restored with its state). */
    public long episodesRun() {
        return episodesRun;
    }

    /** One step as the learner keeps it: the network input, the action, the step reward and the layer index. */
    private record Step(double[] input, double[] action, double reward, int layer) {
    }
}
