package kernelwise.search;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kernelwise.agents.AgentConfig;
import kernelwise.agents.Agents;
import kernelwise.env.EnvConfig;
import kernelwise.models.compress.Recovery;
import kernelwise.env.budget.Budget;
import kernelwise.env.reward.RewardMode;
import kernelwise.models.data.DataSpec;
import kernelwise.search.store.RunNames;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * What a search run is asked to do, complete: the stored form of a run, from which a resumed run is rebuilt
 * exactly. Built with {@link #builder()} (whose defaults are a bare {@code kernelwise search}: the hierarchical
 * agent compressing LeNet-5 on MNIST for the BitFusion-like accelerator at 40% of the 8-bit plan's latency),
 * validated once here and in the two configurations it holds.
 *
 * @param run             the run's name (a folder under results/)
 * @param model           a zoo model name ({@code lenet5}, {@code lenet300}, ...) or the path of a model zip
 * @param data            the data: a named set ({@code mnist}, {@code fashion-mnist}, {@code digits}), a user's files
 *                        ({@link DataSpec}, paths absolute), or {@code java:NAME} for splits handed over from Java
 * @param agent           {@code hierarchical}, {@code ddpg}, {@code dqn}, {@code random} or {@code evolutionary}
 * @param episodes        episodes to run
 * @param seed            the run's seed; every episode's randomness derives from it
 * @param checkpointEvery store the agent's state every this many episodes (1 = every episode)
 * @param env             the environment: hardware model, budget, reward mode, action levels, scoring; its
 *                        {@link EnvConfig#kernelSteps()} is the view the agent drives ({@link Agents#wantsKernelSteps})
 * @param agentConfig     the agents' hyper-parameters
 */
public record SearchConfig(String run, String model, DataSpec data, String agent, int episodes, long seed,
                           int checkpointEvery, EnvConfig env, AgentConfig agentConfig) {

    public static final String DEFAULT_MODEL = "lenet5";
    public static final int DEFAULT_EPISODES = 300;
    public static final int DEFAULT_EVAL_IMAGES = 1000;
    public static final String DEFAULT_BUDGET = "latency=0.4";
    /** The recovery step a new run scores its plans after (README, "Environment", gives the measurement behind it). */
    public static final Recovery DEFAULT_RECOVERY = Recovery.LSQ;
    public static final int DEFAULT_RECOVERY_IMAGES = 256;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public SearchConfig {
        RunNames.check(run);
        if (model == null || model.isBlank()) throw new IllegalArgumentException("model must not be blank, found '" + model + "'");
        if (data == null) throw new IllegalArgumentException("data must not be null");
        boolean kernelSteps = Agents.wantsKernelSteps(agent);
        if (episodes <= 0) throw new IllegalArgumentException("episodes must be positive, found " + episodes);
        if (checkpointEvery <= 0) throw new IllegalArgumentException("checkpoint every must be positive, found " + checkpointEvery);
        if (env == null || agentConfig == null) throw new IllegalArgumentException("env and agent configurations must not be null");
        if (env.kernelSteps() != kernelSteps) {
            throw new IllegalArgumentException("agent " + agent + " drives the env's " + (kernelSteps ? "kernel steps" : "per-layer view")
                    + ", found an env configuration with kernelSteps " + env.kernelSteps());
        }
    }

    /** A builder holding the defaults of a bare {@code kernelwise search}. */
    public static Builder builder() {
        return new Builder();
    }

    /** {@code model-agent-s<seed>-<yyyyMMdd-HHmmss>}, the model's file name without extension if it is a path. */
    public static String defaultRunName(String model, String agent, long seed, LocalDateTime at) {
        String m = model.replaceAll(".*[/\\\\]", "").replaceAll("\\.zip$", "").replaceAll("[^A-Za-z0-9._-]", "_");
        return m + "-" + agent + "-s" + seed + "-" + at.format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT));
    }

    public SearchConfig withRun(String r) {
        return new SearchConfig(r, model, data, agent, episodes, seed, checkpointEvery, env, agentConfig);
    }

    public SearchConfig withEpisodes(int n) {
        return new SearchConfig(run, model, data, agent, n, seed, checkpointEvery, env, agentConfig);
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("config could not be written as JSON", e);
        }
    }

    /**
     * Reads {@link #toJson()}'s form, or the forms older stores hold: schema 1 (the env's options at the top level
     * beside its full configuration {@code envConfig}) and a named {@code dataset} where {@code data} is now.
     *
     * @throws IllegalArgumentException if the text is not a valid config, naming what is wrong
     */
    public static SearchConfig fromJson(String json) {
        try {
            JsonNode node = JSON.readTree(json);
            if (node instanceof ObjectNode o && o.has("envConfig")) node = fromSchema1(o);
            if (node instanceof ObjectNode o && o.has("dataset") && !o.has("data")) o.set("data", o.remove("dataset"));
            return JSON.treeToValue(node, SearchConfig.class);
        } catch (JsonProcessingException e) {
            Throwable c = e.getCause() instanceof IllegalArgumentException iae ? iae : e;
            String m = c instanceof JsonProcessingException jpe ? jpe.getOriginalMessage() : c.getMessage();
            throw new IllegalArgumentException("not a valid search config: " + m, e);
        }
    }

    /** A schema-1 config: its {@code envConfig} and {@code agentConfig} were stored filled in, the rest duplicated them. */
    private static JsonNode fromSchema1(ObjectNode old) {
        ObjectNode n = JSON.createObjectNode();
        for (String k : new String[]{"run", "model", "dataset", "agent", "episodes", "seed", "checkpointEvery"}) n.set(k, old.get(k));
        n.set("env", old.get("envConfig"));
        n.set("agentConfig", old.get("agentConfig"));
        return n;
    }

    /** Collects the options of a run; {@link #build()} fills the env's view from the agent and validates. */
    public static final class Builder {
        private String run;
        private String model = DEFAULT_MODEL;
        private DataSpec data = DataSpec.named("mnist");
        private String agent = "hierarchical";
        private int episodes = DEFAULT_EPISODES;
        private long seed = 1;
        private int checkpointEvery = 1;
        private EnvConfig.Builder env = EnvConfig.defaults().toBuilder().budget(Budget.parse(DEFAULT_BUDGET))
                .evalSamples(DEFAULT_EVAL_IMAGES).recovery(DEFAULT_RECOVERY, DEFAULT_RECOVERY_IMAGES);
        private AgentConfig agentConfig = new AgentConfig();

        private Builder() {
        }

        /** The run's name; by default {@link #defaultRunName} of the model, agent and seed at build time. */
        public Builder run(String name) {
            run = name;
            return this;
        }

        public Builder model(String m) {
            model = m;
            return this;
        }

        /** @throws IllegalArgumentException for text that is not a data spec */
        public Builder data(String spec) {
            data = DataSpec.parse(spec);
            return this;
        }

        /** A named set ({@code mnist}, ...) or any spec's text: the same as {@link #data(String)}. */
        public Builder dataset(String name) {
            return data(name);
        }

        public Builder data(DataSpec spec) {
            data = spec;
            return this;
        }

        public Builder agent(String a) {
            agent = a;
            return this;
        }

        public Builder episodes(int n) {
            episodes = n;
            return this;
        }

        public Builder seed(long s) {
            seed = s;
            return this;
        }

        public Builder checkpointEvery(int n) {
            checkpointEvery = n;
            return this;
        }

        /** Hardware model name and its parameter file (null for the defaults shipped in resources). */
        public Builder hardware(String name, String paramsFile) {
            env.hardware(name, paramsFile);
            return this;
        }

        /** @throws IllegalArgumentException for text not of the form {@code latency=0.4} */
        public Builder budget(String text) {
            env.budget(Budget.parse(text));
            return this;
        }

        /** @throws IllegalArgumentException for an unknown mode */
        public Builder mode(String text) {
            env.mode(RewardMode.parse(text));
            return this;
        }

        public Builder maxAccuracyLoss(double loss) {
            env.maxAccuracyLoss(loss);
            return this;
        }

        /** Search-validation images scored per episode. */
        public Builder evalImages(int n) {
            if (n <= 0) throw new IllegalArgumentException("eval images must be positive, found " + n);
            env.evalSamples(n);
            return this;
        }

        /**
         * The recovery step before a plan is scored and the training images it fits on (ignored for none).
         *
         * @throws IllegalArgumentException for a name other than none, bias, lsq or a non-positive image count
         */
        public Builder recovery(String name, int images) {
            Recovery r;
            try {
                r = Recovery.valueOf(name.toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new IllegalArgumentException("recovery must be none, bias or lsq, found '" + name + "'");
            }
            if (r != Recovery.NONE && images <= 0) throw new IllegalArgumentException("recovery images must be positive, found " + images);
            env.recovery(r, r == Recovery.NONE ? 0 : images);
            return this;
        }

        public Builder agentConfig(AgentConfig c) {
            agentConfig = c;
            return this;
        }

        /** Any other change of the env's configuration. */
        public Builder env(java.util.function.UnaryOperator<EnvConfig.Builder> change) {
            env = change.apply(env);
            return this;
        }

        /** @throws IllegalArgumentException naming the first invalid option and its value */
        public SearchConfig build() {
            String name = run != null ? run : defaultRunName(model, agent, seed, LocalDateTime.now());
            EnvConfig e = env.kernelSteps(Agents.wantsKernelSteps(agent)).build();
            return new SearchConfig(name, model, data, agent, episodes, seed, checkpointEvery, e, agentConfig);
        }
    }
}
