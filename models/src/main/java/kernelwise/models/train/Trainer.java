package kernelwise.models.train;

import kernelwise.models.data.Batches;
import kernelwise.models.data.DataSplits;
import kernelwise.models.zoo.Models;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.schedule.ExponentialSchedule;
import org.nd4j.linalg.schedule.ScheduleType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/** Trains a MultiLayerNetwork or ComputationGraph on a training split and measures its accuracy. */
public final class Trainer {
    private static final Logger log = LoggerFactory.getLogger(Trainer.class);
    private static final int EVAL_BATCH = 1000;

    private Trainer() {
    }

    /** Trains {@code model} on {@code data.train()}, then measures validation and test accuracy. */
    public static TrainResult train(Model model, DataSplits data, TrainConfig cfg, TrainListener listener) {
        return train(model, data.train(), data.validation(), data.test(), cfg, listener);
    }

    /**
     * Trains {@code model} on {@code train} for {@code cfg.epochs()} in a shuffle seeded by {@code cfg.seed()}, with
     * Adam's learning rate decayed per epoch, then measures accuracy on {@code validation} and {@code test}.
     *
     * @throws TrainingDivergedException if the loss becomes NaN or infinite
     */
    public static TrainResult train(Model model, DataSet train, DataSet validation, DataSet test,
                                    TrainConfig cfg, TrainListener listener) {
        setSchedule(model, cfg);
        Batches batches = Batches.shuffled(train, cfg.batchSize(), cfg.seed());
        ProgressBridge bridge = new ProgressBridge(listener);
        model.setListeners(bridge);
        listener.onStart(cfg.epochs(), batches.batchesPerPass());
        List<Double> epochSeconds = new ArrayList<>();
        try {
            for (int e = 0; e < cfg.epochs(); e++) {
                long t0 = System.nanoTime();
                bridge.startEpoch(e);
                if (!batches.hasNext()) batches.reset();
                fit(model, batches);
                double s = (System.nanoTime() - t0) / 1e9;
                epochSeconds.add(s);
                log.info("epoch {}/{}: {} s, lr {}, last loss {}", e + 1, cfg.epochs(), String.format("%.1f", s),
                        cfg.learningRate(e), bridge.lastLoss);
                listener.onEpochEnd(e, s);
            }
        } finally {
            model.setListeners(new TrainingListener[0]);
        }
        listener.onEvaluate("validation");
        double val = accuracy(model, validation);
        listener.onEvaluate("test");
        double acc = accuracy(model, test);
        double total = epochSeconds.stream().mapToDouble(Double::doubleValue).sum();
        return new TrainResult(acc, val, total, epochSeconds, bridge.lastLoss);
    }

    /** The fraction of {@code data}'s examples whose most probable class is the labelled one. */
    public static double accuracy(Model model, DataSet data) {
        Batches it = Batches.ordered(data, EVAL_BATCH);
        long correct = 0;
        while (it.hasNext()) {
            DataSet b = it.next();
            INDArray out = Models.output(model, b.getFeatures());
            correct += out.argMax(1).eq(b.getLabels().argMax(1)).castTo(DataType.INT).sumNumber().longValue();
        }
        return correct / (double) data.numExamples();
    }

    private static void setSchedule(Model model, TrainConfig cfg) {
        ExponentialSchedule lr = new ExponentialSchedule(ScheduleType.EPOCH, cfg.learningRate(), cfg.lrDecay());
        if (model instanceof MultiLayerNetwork m) m.setLearningRate(lr);
        else if (model instanceof ComputationGraph g) g.setLearningRate(lr);
        else throw new IllegalArgumentException("model must be a MultiLayerNetwork or ComputationGraph, found " + model.getClass().getName());
    }

    private static void fit(Model model, Batches batches) {
        if (model instanceof MultiLayerNetwork m) m.fit(batches);
        else ((ComputationGraph) model).fit(batches);
    }

    /** Forwards DL4J's per-iteration callback to a {@link TrainListener} and stops on a non-finite loss. */
    private static final class ProgressBridge extends BaseTrainingListener {
        private final TrainListener listener;
        private int epoch;
        private int batch;
        double lastLoss = Double.NaN;

        ProgressBridge(TrainListener listener) {
            this.listener = listener;
        }

        void startEpoch(int e) {
            epoch = e;
            batch = 0;
        }

        @Override
        public void iterationDone(Model model, int iteration, int ignoredEpoch) {
            lastLoss = model.score();
            if (!Double.isFinite(lastLoss)) {
                throw new TrainingDivergedException("training diverged: loss is " + lastLoss + " at epoch " + (epoch + 1)
                        + ", minibatch " + (batch + 1) + "; try a lower learning rate");
            }
            listener.onBatch(epoch, batch++, lastLoss);
        }
    }
}
