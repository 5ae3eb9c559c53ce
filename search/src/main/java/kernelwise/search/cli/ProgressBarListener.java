package kernelwise.search.cli;

import kernelwise.models.train.TrainListener;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Shows a training run on stderr: one progress bar on a terminal; otherwise (a log file, a pipe) a plain line at
 * every tenth of an epoch and at each epoch's end, so that a long training is never silent.
 */
final class ProgressBarListener implements TrainListener, AutoCloseable {
    private final String task;
    private final PrintStream err;
    private final boolean terminal;
    private ProgressBar bar;
    private int epochs;
    private int batchesPerEpoch;
    private long startNanos;

    ProgressBarListener(String task, PrintStream err) {
        this(task, err, System.console() != null);
    }

    ProgressBarListener(String task, PrintStream err, boolean terminal) {
        this.task = task;
        this.err = err;
        this.terminal = terminal;
    }

    @Override
    public void onStart(int epochs, int batchesPerEpoch) {
        this.epochs = epochs;
        this.batchesPerEpoch = batchesPerEpoch;
        this.startNanos = System.nanoTime();
        if (!terminal) {
            err.printf(Locale.ROOT, "%s: %d epochs of %d batches%n", task, epochs, batchesPerEpoch);
            err.flush();
            return;
        }
        bar = new ProgressBarBuilder().setTaskName(task).setInitialMax((long) epochs * batchesPerEpoch)
                .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK).setUpdateIntervalMillis(500)
                .setConsumer(new ConsoleProgressBarConsumer(err)).showSpeed().build();
    }

    @Override
    public void onBatch(int epoch, int batch, double loss) {
        if (!terminal) {
            int every = Math.max(1, batchesPerEpoch / 10);
            if ((batch + 1) % every == 0 && batch + 1 < batchesPerEpoch) {
                err.printf(Locale.ROOT, "%s: epoch %d/%d, batch %d/%d, loss %.4f, %.0f s%n", task, epoch + 1, epochs, batch + 1, batchesPerEpoch,
                        loss, elapsed());
                err.flush();
            }
            return;
        }
        if (bar == null) return;
        bar.step();
        if (batch % 20 == 0) bar.setExtraMessage(String.format(Locale.ROOT, " epoch %d/%d loss %.4f", epoch + 1, epochs, loss));
    }

    @Override
    public void onEpochEnd(int epoch, double seconds) {
        if (terminal) return;
        err.printf(Locale.ROOT, "%s: epoch %d/%d done in %.0f s (%.0f s so far)%n", task, epoch + 1, epochs, seconds, elapsed());
        err.flush();
    }

    @Override
    public void onEvaluate(String split) {
        close();
        err.println("evaluating on the " + split + " split...");
    }

    private double elapsed() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    @Override
    public void close() {
        if (bar != null) bar.close();
        bar = null;
    }
}
