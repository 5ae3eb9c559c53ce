package kernelwise.models.finetune;

import kernelwise.models.plan.CompressionPlan;

/**
 * What to fine-tune and how: the one description behind {@code finetune}, {@code bench finetune}, the benchmarks'
 * recipe and the Java API, all run by {@link Finetuning#run}. Every part validates itself; a refusal is an
 * {@link IllegalArgumentException} whose message starts with the name of the setting refused ({@code method},
 * {@code epochs}, {@code retrainEpochs}, {@code finalLrFactor}, {@code rhoMax}, {@code learningRate}, {@code batchSize},
 * {@code trainExamples}, {@code softWeight}, {@code temperature}) and ends with the value found, so that a command line
 * can name its own option instead.
 *
 * @param plan         the plan to train into
 * @param method       the method, its epochs and options
 * @param schedule     learning rate, minibatches, seed and training examples
 * @param distillation the float network as teacher, or {@link Distillation#off()}
 * @param calibration  which network the activation ranges of the packed file are calibrated on
 */
public record FinetuneRequest(CompressionPlan plan, Method method, Schedule schedule, Distillation distillation, Calibration calibration) {

    public FinetuneRequest {
        if (plan == null) throw new IllegalArgumentException("plan must not be null");
        if (method == null || schedule == null || distillation == null || calibration == null) {
            throw new IllegalArgumentException("method, schedule, distillation and calibration must not be null");
        }
    }

    /** {@code method} into {@code plan} with the default schedule, no distillation, ranges calibrated on the teacher. */
    public static FinetuneRequest of(CompressionPlan plan, Method method) {
        return new FinetuneRequest(plan, method, Schedule.defaults(), Distillation.off(), Calibration.TEACHER);
    }

    public FinetuneRequest withPlan(CompressionPlan p) {
        return new FinetuneRequest(p, method, schedule, distillation, calibration);
    }

    public FinetuneRequest withSchedule(Schedule s) {
        return new FinetuneRequest(plan, method, s, distillation, calibration);
    }

    public FinetuneRequest withDistillation(Distillation d) {
        return new FinetuneRequest(plan, method, schedule, d, calibration);
    }

    public FinetuneRequest withCalibration(Calibration c) {
        return new FinetuneRequest(plan, method, schedule, distillation, c);
    }

    /**
     * The training method.
     *
     * @param name       one of {@link FinetuneMethods#NAMES}
     * @param epochs     epochs of the method's own phase, positive ({@code qat} has none: it retrains
     *                   {@code epochs + retraining.epochs()}, so every method trains as long)
     * @param retraining the masked quantization-aware retraining at the end
     * @param rhoMax     cap of {@code admm}'s and {@code slr}'s penalty weight (at least their initial weight), or null for their default
     * @param keepPlan   whether {@code bnn} meets the plan as given; if false it re-divides the plan's pruning budget
     *                   over its 1-bit layers by a sensitivity analysis and meets the derived plan
     */
    public record Method(String name, int epochs, Retraining retraining, Double rhoMax, boolean keepPlan) {

        public Method {
            if (name == null || !FinetuneMethods.NAMES.contains(name)) {
                throw new IllegalArgumentException("method must be one of " + String.join(", ", FinetuneMethods.NAMES) + ", found '" + name + "'");
            }
            if (epochs < 1) throw new IllegalArgumentException("epochs must be positive, found " + epochs);
            if (retraining == null) throw new IllegalArgumentException("retraining must not be null");
            if (rhoMax != null) {
                if (!(rhoMax > 0)) throw new IllegalArgumentException("rhoMax must be positive, found " + rhoMax);
                PenaltySchedule.defaults(epochs).withRhoMax(rhoMax);
            }
        }

        /** {@code name} for {@code epochs} and {@code retrainEpochs} of retraining, the methods' own penalty, the plan kept. */
        public static Method of(String name, int epochs, int retrainEpochs) {
            return new Method(name, epochs, new Retraining(retrainEpochs), null, true);
        }

        public Method withRhoMax(Double max) {
            return new Method(name, epochs, retraining, max, keepPlan);
        }

        public Method withKeepPlan(boolean keep) {
            return new Method(name, epochs, retraining, rhoMax, keep);
        }
    }

    /**
     * How the network is trained.
     *
     * @param learningRate  the updater's learning rate while fine-tuning (the network's own updater, normally Adam), in
     *                      (0, 1]; it replaces the network's own rate or schedule (the retraining then decays it)
     * @param batchSize     examples per minibatch, positive
     * @param seed          seed of the batch order
     * @param trainExamples the first this many examples of the training split are trained on (0: all of it)
     */
    public record Schedule(double learningRate, int batchSize, long seed, int trainExamples) {

        /** The learning rate unless another is asked for: {@code bench finetune}'s table was measured with it. */
        public static final double LEARNING_RATE = 1e-3;

        public Schedule {
            if (!(learningRate > 0 && learningRate <= 1)) throw new IllegalArgumentException("learningRate must be in (0, 1], found " + learningRate);
            if (batchSize < 1) throw new IllegalArgumentException("batchSize must be positive, found " + batchSize);
            if (trainExamples < 0) throw new IllegalArgumentException("trainExamples must be >= 0, found " + trainExamples);
        }

        /** Adam at {@link #LEARNING_RATE}, minibatches of 64, seed 42, the whole training split. */
        public static Schedule defaults() {
            return new Schedule(LEARNING_RATE, 64, 42L, 0);
        }

        public Schedule withLearningRate(double lr) {
            return new Schedule(lr, batchSize, seed, trainExamples);
        }

        public Schedule withBatchSize(int b) {
            return new Schedule(learningRate, b, seed, trainExamples);
        }

        public Schedule withSeed(long s) {
            return new Schedule(learningRate, batchSize, s, trainExamples);
        }

        public Schedule withTrainExamples(int n) {
            return new Schedule(learningRate, batchSize, seed, n);
        }
    }

    /**
     * Knowledge distillation from the float network ({@link DistillationLoss}).
     *
     * @param temperature softening temperature, >= 1
     * @param softWeight  weight of the teacher's soft-target loss in [0, 1] (0: no distillation); the hard-label loss
     *                    gets {@code 1 - softWeight}
     */
    public record Distillation(double temperature, double softWeight) {

        /** The temperature unless another is asked for: {@code bench finetune}'s table was measured with it. */
        public static final double TEMPERATURE = 2.0;

        public Distillation {
            if (!(temperature >= 1)) throw new IllegalArgumentException("temperature must be >= 1, found " + temperature);
            if (!(softWeight >= 0 && softWeight <= 1)) throw new IllegalArgumentException("softWeight must be in [0, 1], found " + softWeight);
        }

        /** No teacher. */
        public static Distillation off() {
            return new Distillation(TEMPERATURE, 0);
        }

        /** The teacher's soft targets at {@link #TEMPERATURE} with weight {@code softWeight}. */
        public static Distillation of(double softWeight) {
            return new Distillation(TEMPERATURE, softWeight);
        }

        /** Whether the teacher teaches at all. */
        public boolean on() {
            return softWeight > 0;
        }
    }

    /** Which network the activation ranges of the packed file are calibrated on (the first images of the training split). */
    public enum Calibration {
        /** The float network before fine-tuning (as {@code qat}'s retraining calibrates its ranges). */
        TEACHER,
        /** The fine-tuned network. */
        TUNED
    }
}
