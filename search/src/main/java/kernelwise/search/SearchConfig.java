package kernelwise.search;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import kernelwise.agents.Agents;
import kernelwise.env.budget.Budget;
import kernelwise.env.reward.RewardMode;
import kernelwise.search.store.RunNames;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a search run is asked to do. {@link #defaults()} is what a bare {@code kernelwise search} runs: the
 * hierarchical agent compressing LeNet-5 on MNIST for the BitFusion-like accelerator at 40% of the 8-bit
 * plan's latency.
 *
 * @param run            the run's name (a folder under results/)
 * @param model          a zoo model name ({@code lenet5}, {@code lenet300}, ...) or the path of a model zip
 * @param dataset        {@code mnist} or {@code fashion-mnist}
 * @param agent          {@code hierarchical}, {@code ddpg}, {@code dqn}, {@code random} or {@code evolutionary}
 * @param hardware       the hardware model's name, e.g. {@code bitfusion}, {@code bismo}, {@code size}
 * @param hardwareParams the hardware model's parameter file (JSON; the CSV for {@code table}), or null for the
 *                       defaults shipped in resources
 * @param budget         the budget, {@code resource=fraction} of the 8-bit plan's cost, e.g. {@code latency=0.4}
 * @param mode           how the reward trades accuracy against cost: {@code resource-constrained} (plans are cut down
 *                       to the budget, the reward is accuracy), {@code accuracy-guaranteed} or {@code weighted}
 * @param maxAccuracyLoss the accuracy loss allowed in {@code accuracy-guaranteed} mode, a fraction in [0,1]
 * @param episodes       episodes to run
 * @param seed           the run's seed; every episode's randomness derives from it
 * @param evalImages     search-validation images scored per episode (at most 5,000)
 * @param checkpointEvery store the agent's state every this many episodes (1 = every episode)
 * @param envConfig      the environment's full configuration as JSON, or null for the defaults this config implies;
 *                       a started run stores it filled in, so that a resumed run is rebuilt exactly
 * @param agentConfig    the agent's full configuration as JSON, or null for the defaults (stored filled in, likewise)
 */
public record SearchConfig(String run, String model, String dataset, String agent, String hardware, String hardwareParams, String budget,
                           String mode, double maxAccuracyLoss, int episodes, long seed, int evalImages,
                           int checkpointEvery, JsonNode envConfig, JsonNode agentConfig) {

    public static final String DEFAULT_MODEL = "lenet5";
    public static final int DEFAULT_EPISODES = 300;
    public static final int DEFAULT_EVAL_IMAGES = 1000;
    public static final Set<String> AGENTS = Set.copyOf(Agents.NAMES);
    public static final Set<String> DATASETS = Set.of("mnist", "fashion-mnist");
    public static final Set<String> MODES = Arrays.stream(RewardMode.values()).map(SearchConfig::modeName).collect(Collectors.toUnmodifiableSet());
    public static final String DEFAULT_MODE = "resource-constrained";
    /** Search-validation split size: the most images an episode can score. */
    public static final int MAX_EVAL_IMAGES = 5000;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public SearchConfig {
        RunNames.check(run);
        if (model == null || model.isBlank()) throw new IllegalArgumentException("model must not be blank, found '" + model + "'");
        oneOf("dataset", dataset, DATASETS);
        oneOf("agent", agent, AGENTS);
        if (hardware == null || hardware.isBlank()) throw new IllegalArgumentException("hardware must not be blank, found '" + hardware + "'");
        Budget.parse(budget);
        oneOf("mode", mode, MODES);
        if (!(maxAccuracyLoss >= 0 && maxAccuracyLoss <= 1)) throw new IllegalArgumentException("max accuracy loss must be in [0,1], found " + maxAccuracyLoss);
        if (episodes <= 0) throw new IllegalArgumentException("episodes must be positive, found " + episodes);
        if (evalImages <= 0 || evalImages > MAX_EVAL_IMAGES) {
            throw new IllegalArgumentException("eval images must be 1.." + MAX_EVAL_IMAGES + ", found " + evalImages);
        }
        if (checkpointEvery <= 0) throw new IllegalArgumentException("checkpoint every must be positive, found " + checkpointEvery);
        envConfig = envConfig == null || envConfig.isNull() || envConfig.isMissingNode() ? null : envConfig.deepCopy();
        agentConfig = agentConfig == null || agentConfig.isNull() || agentConfig.isMissingNode() ? null : agentConfig.deepCopy();
    }

    private static void oneOf(String what, String value, Set<String> allowed) {
        if (value == null || !allowed.contains(value)) {
            throw new IllegalArgumentException(what + " must be one of " + new java.util.TreeSet<>(allowed) + ", found '" + value + "'");
        }
    }

    /** The bare {@code kernelwise search}: LeNet-5 on MNIST, hierarchical agent, BitFusion, latency=0.4. */
    public static SearchConfig defaults() {
        return new SearchConfig(defaultRunName(DEFAULT_MODEL, "hierarchical", 1, LocalDateTime.now()), DEFAULT_MODEL, "mnist",
                "hierarchical", "bitfusion", null, "latency=0.4", DEFAULT_MODE, 0.01, DEFAULT_EPISODES, 1, DEFAULT_EVAL_IMAGES, 1, null, null);
    }

    /** {@code model-agent-s<seed>-<yyyyMMdd-HHmmss>}, the model's file name without extension if it is a path. */
    public static String defaultRunName(String model, String agent, long seed, LocalDateTime at) {
        String m = model.replaceAll(".*[/\\\\]", "").replaceAll("\\.zip$", "").replaceAll("[^A-Za-z0-9._-]", "_");
        return m + "-" + agent + "-s" + seed + "-" + at.format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT));
    }

    public SearchConfig withRun(String r) {
        return new SearchConfig(r, model, dataset, agent, hardware, hardwareParams, budget, mode, maxAccuracyLoss, episodes, seed, evalImages, checkpointEvery, envConfig, agentConfig);
    }

    public SearchConfig withEpisodes(int n) {
        return new SearchConfig(run, model, dataset, agent, hardware, hardwareParams, budget, mode, maxAccuracyLoss, n, seed, evalImages, checkpointEvery, envConfig, agentConfig);
    }

    /** The option form of a reward mode: {@code RESOURCE_CONSTRAINED} is {@code resource-constrained}. */
    public static String modeName(RewardMode m) {
        return m.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The reward mode this config names. */
    public RewardMode rewardMode() {
        return RewardMode.valueOf(mode.toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    /** This config with the env's and agent's full configurations filled in. */
    public SearchConfig withParts(JsonNode env, JsonNode agentCfg) {
        return new SearchConfig(run, model, dataset, agent, hardware, hardwareParams, budget, mode, maxAccuracyLoss, episodes, seed, evalImages,
                checkpointEvery, env, agentCfg);
    }

    /** The budgeted resource, e.g. {@code latency}. */
    public String budgetResource() {
        return Budget.parse(budget).resource().name().toLowerCase(Locale.ROOT);
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("config could not be written as JSON", e);
        }
    }

    /** @throws IllegalArgumentException if the text is not a valid config, naming what is wrong */
    public static SearchConfig fromJson(String json) {
        try {
            return JSON.readValue(json, SearchConfig.class);
        } catch (JsonProcessingException e) {
            Throwable c = e.getCause() instanceof IllegalArgumentException iae ? iae : e;
            String m = c instanceof JsonProcessingException jpe ? jpe.getOriginalMessage() : c.getMessage();
            throw new IllegalArgumentException("not a valid search config: " + m, e);
        }
    }
}
