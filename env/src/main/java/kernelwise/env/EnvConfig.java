package kernelwise.env;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import kernelwise.env.action.HighActions;
import kernelwise.env.action.KernelAllocation;
import kernelwise.env.budget.Budget;
import kernelwise.env.budget.Enforcement;
import kernelwise.env.hardware.HardwareModel;
import kernelwise.env.hardware.HardwareModels;
import kernelwise.env.reward.RewardMode;
import kernelwise.models.compress.Recovery;
import kernelwise.models.plan.CompressionPlan;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.stream.IntStream;

/**
 * How a {@link CompressionEnv} is set up. Validated on construction; {@link #defaults()} gives a working setup and
 * {@link #toJson()}/{@link #fromJson(String)} a text form that round-trips.
 *
 * @param hardware           hardware model name ({@link HardwareModels#NAMES})
 * @param hardwareParams     the model's parameter file (JSON, or the CSV for {@code table}); null for the defaults
 * @param budget             the budgeted resource and its limit; in the unprojected modes only its resource is used
 *                           (for the relative cost and the observations)
 * @param mode               how reward trades accuracy against cost
 * @param maxAccuracyLoss    allowed accuracy loss in {@link RewardMode#ACCURACY_GUARANTEED} mode, in [0,1]
 * @param kernelSteps        one LOW step per kernel (true) or every kernel follows its layer's goal (false)
 * @param weightBits         the weight bits an action can choose (1..8 or 32), distinct
 * @param activationBits     the activation bits an action can choose (2..8 or 32), distinct
 * @param sparsityLevels     the sparsities an action can choose, in [0,1], distinct (1 removes a kernel)
 * @param allocation         how a layer's goal becomes its kernels' choices ({@link KernelAllocation}); absent in
 *                           configurations stored before it existed, which read as {@link KernelAllocation#UNIFORM}
 * @param highActions        what a HIGH action's entries mean ({@link HighActions}); absent (older configurations):
 *                           {@link HighActions#LEVELS}
 * @param enforcement        how the resource-constrained mode meets the budget ({@link Enforcement}); absent (older
 *                           configurations): {@link Enforcement#PROJECT}
 * @param recovery           the recovery step run on a projected plan before it is scored ({@link Recovery});
 *                           absent (older configurations): {@link Recovery#NONE}
 * @param recoverySamples    training images the recovery step fits on (unused when there is none)
 * @param scorers            parallel scorers for {@code evaluateAll} (each a working copy of the network); 0 = one per core
 * @param evalSamples        validation images a plan is scored on; 0 = the whole search-validation split
 * @param calibrationSamples training images used to calibrate activation ranges
 */
public record EnvConfig(String hardware, String hardwareParams, Budget budget, RewardMode mode, double maxAccuracyLoss,
                        boolean kernelSteps, List<Integer> weightBits, List<Integer> activationBits,
                        List<Double> sparsityLevels, KernelAllocation allocation, HighActions highActions, Enforcement enforcement,
                        Recovery recovery, int recoverySamples,
                        int scorers, int evalSamples, int calibrationSamples) {

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public EnvConfig {
        if (!HardwareModels.NAMES.contains(hardware)) throw new IllegalArgumentException("hardware must be one of " + HardwareModels.NAMES + ", found '" + hardware + "'");
        if ("table".equals(hardware) && hardwareParams == null) throw new IllegalArgumentException("hardware 'table' needs hardwareParams (the CSV file), found none");
        if (budget == null) throw new IllegalArgumentException("budget must not be null (e.g. latency=0.5)");
        if (mode == null) throw new IllegalArgumentException("mode must be one of " + List.of(RewardMode.values()) + ", found null");
        if (!(maxAccuracyLoss >= 0 && maxAccuracyLoss <= 1)) throw new IllegalArgumentException("maxAccuracyLoss must be in [0,1], found " + maxAccuracyLoss);
        weightBits = levels("weightBits", weightBits, CompressionPlan::validWeightBits, "1..8 or 32");
        activationBits = levels("activationBits", activationBits, CompressionPlan::validActivationBits, "2..8 or 32");
        sparsityLevels = sparsity(sparsityLevels);
        if (allocation == null) allocation = KernelAllocation.UNIFORM;
        if (enforcement == null) enforcement = Enforcement.PROJECT;
        if (highActions == null) highActions = HighActions.LEVELS;
        if (recovery == null) recovery = Recovery.NONE;
        if (recoverySamples < 0 || recovery != Recovery.NONE && recoverySamples == 0) {
            throw new IllegalArgumentException("recoverySamples must be positive for recovery " + recovery + ", found " + recoverySamples);
        }
        if (scorers < 0) throw new IllegalArgumentException("scorers must be >= 0 (0 = one per core), found " + scorers);
        if (evalSamples < 0) throw new IllegalArgumentException("evalSamples must be >= 0 (0 = whole split), found " + evalSamples);
        if (calibrationSamples <= 0) throw new IllegalArgumentException("calibrationSamples must be positive, found " + calibrationSamples);
    }

    private static List<Integer> levels(String name, List<Integer> v, java.util.function.IntPredicate valid, String allowed) {
        if (v == null || v.isEmpty()) throw new IllegalArgumentException(name + " must not be empty, found " + v);
        for (Integer b : v) {
            if (b == null || !valid.test(b)) throw new IllegalArgumentException(name + " must each be " + allowed + ", found " + b + " in " + v);
        }
        if (new HashSet<>(v).size() != v.size()) throw new IllegalArgumentException(name + " must be distinct, found " + v);
        return List.copyOf(v.stream().sorted().toList());
    }

    private static List<Double> sparsity(List<Double> v) {
        if (v == null || v.isEmpty()) throw new IllegalArgumentException("sparsityLevels must not be empty, found " + v);
        for (Double s : v) {
            if (s == null || !(s >= 0 && s <= 1)) throw new IllegalArgumentException("sparsityLevels must each be in [0,1], found " + s + " in " + v);
        }
        if (new HashSet<>(v).size() != v.size()) throw new IllegalArgumentException("sparsityLevels must be distinct, found " + v);
        return List.copyOf(v.stream().sorted().toList());
    }

    /**
     * bitfusion, latency=0.5, resource-constrained, 1% loss, kernel steps, weights 1..8, activations 2..8, densities
     * on a log scale ({@link #LOG_SPARSITY}), magnitude allocation, HIGH actions relative to the magnitude prior, budget by
     * limiting actions, no recovery step.
     */
    public static EnvConfig defaults() {
        return new EnvConfig("bitfusion", null, Budget.parse("latency=0.5"), RewardMode.RESOURCE_CONSTRAINED, 0.01, true,
                IntStream.rangeClosed(1, 8).boxed().toList(), IntStream.rangeClosed(2, 8).boxed().toList(), LOG_SPARSITY,
                KernelAllocation.MAGNITUDE, HighActions.PRIOR, Enforcement.LIMIT, Recovery.NONE, 0, 0, 0, 1000);
    }

    /**
     * Sparsities whose densities halve every two levels: density {@code 2^(-j/2)} for {@code j = 0..20} (1 down to
     * 1/1024, a few weights of a dense layer's kernel), and removal (sparsity 1).
     */
    public static final List<Double> LOG_SPARSITY = logSparsity();

    /** The sparsities of schema-1 configurations: 0 to 0.95 by 0.05. */
    public static final List<Double> LINEAR_SPARSITY = IntStream.rangeClosed(0, 19).mapToObj(i -> i / 20.0).toList();

    private static List<Double> logSparsity() {
        List<Double> s = new ArrayList<>();
        for (int j = 0; j <= 20; j++) s.add(1 - Math.pow(2, -j / 2.0));
        s.add(1.0);
        return List.copyOf(s);
    }

    public EnvConfig withHardware(String name, String paramsFile) {
        return toBuilder().hardware(name, paramsFile).build();
    }

    public EnvConfig withBudget(Budget b) {
        return toBuilder().budget(b).build();
    }

    public EnvConfig withMode(RewardMode m) {
        return toBuilder().mode(m).build();
    }

    public EnvConfig withKernelSteps(boolean steps) {
        return toBuilder().kernelSteps(steps).build();
    }

    public EnvConfig withScoring(int scorerCount, int evalImages, int calibrationImages) {
        return toBuilder().scorers(scorerCount).evalSamples(evalImages).calibrationSamples(calibrationImages).build();
    }

    /** A builder starting from this configuration. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** The hardware model this configuration names, with its parameter file read (once per call). */
    public HardwareModel hardwareModel() throws IOException {
        return HardwareModels.byName(hardware, hardwareParams == null ? null : Path.of(hardwareParams));
    }

    /** Changes some fields of a configuration; {@link #build()} validates the result. */
    public static final class Builder {
        private String hardware;
        private String hardwareParams;
        private Budget budget;
        private RewardMode mode;
        private double maxAccuracyLoss;
        private boolean kernelSteps;
        private List<Integer> weightBits;
        private List<Integer> activationBits;
        private List<Double> sparsityLevels;
        private KernelAllocation allocation;
        private HighActions highActions;
        private Enforcement enforcement;
        private Recovery recovery;
        private int recoverySamples;
        private int scorers;
        private int evalSamples;
        private int calibrationSamples;

        private Builder(EnvConfig c) {
            hardware = c.hardware;
            hardwareParams = c.hardwareParams;
            budget = c.budget;
            mode = c.mode;
            maxAccuracyLoss = c.maxAccuracyLoss;
            kernelSteps = c.kernelSteps;
            weightBits = c.weightBits;
            activationBits = c.activationBits;
            sparsityLevels = c.sparsityLevels;
            allocation = c.allocation;
            highActions = c.highActions;
            enforcement = c.enforcement;
            recovery = c.recovery;
            recoverySamples = c.recoverySamples;
            scorers = c.scorers;
            evalSamples = c.evalSamples;
            calibrationSamples = c.calibrationSamples;
        }

        public Builder hardware(String name, String paramsFile) {
            hardware = name;
            hardwareParams = paramsFile;
            return this;
        }

        public Builder budget(Budget b) {
            budget = b;
            return this;
        }

        public Builder mode(RewardMode m) {
            mode = m;
            return this;
        }

        public Builder maxAccuracyLoss(double loss) {
            maxAccuracyLoss = loss;
            return this;
        }

        public Builder kernelSteps(boolean steps) {
            kernelSteps = steps;
            return this;
        }

        public Builder levels(List<Integer> weight, List<Integer> activation, List<Double> sparsity) {
            weightBits = weight;
            activationBits = activation;
            sparsityLevels = sparsity;
            return this;
        }

        public Builder allocation(KernelAllocation a) {
            allocation = a;
            return this;
        }

        public Builder highActions(HighActions h) {
            highActions = h;
            return this;
        }

        public Builder enforcement(Enforcement e) {
            enforcement = e;
            return this;
        }

        /** The recovery step and the training images it fits on. */
        public Builder recovery(Recovery r, int samples) {
            recovery = r;
            recoverySamples = samples;
            return this;
        }

        public Builder scorers(int n) {
            scorers = n;
            return this;
        }

        public Builder evalSamples(int n) {
            evalSamples = n;
            return this;
        }

        public Builder calibrationSamples(int n) {
            calibrationSamples = n;
            return this;
        }

        /** @throws IllegalArgumentException naming the first invalid field and its value */
        public EnvConfig build() {
            return new EnvConfig(hardware, hardwareParams, budget, mode, maxAccuracyLoss, kernelSteps, weightBits, activationBits,
                    sparsityLevels, allocation, highActions, enforcement, recovery, recoverySamples, scorers, evalSamples, calibrationSamples);
        }
    }

    /** The pool size: {@link #scorers()} or one per core. */
    public int scorerCount() {
        return scorers > 0 ? scorers : Runtime.getRuntime().availableProcessors();
    }

    public String toJson() {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("env config could not be written as JSON", e);
        }
    }

    /** @throws IllegalArgumentException naming what is wrong */
    public static EnvConfig fromJson(String json) {
        try {
            return JSON.readValue(json, EnvConfig.class);
        } catch (JsonProcessingException e) {
            Throwable c = e.getCause() instanceof IllegalArgumentException iae ? iae : e;
            String m = String.valueOf(c.getMessage());
            throw new IllegalArgumentException("not a valid env config: " + (m.contains("\n") ? m.substring(0, m.indexOf('\n')) : m), e);
        }
    }
}
