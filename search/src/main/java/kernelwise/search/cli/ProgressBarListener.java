package kernelwise.search.cli;

import kernelwise.models.train.TrainListener;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import java.io.PrintStream;

/** Shows a training run as one progress bar on stderr (a line every 30 s when stderr is not a terminal). */
final class ProgressBarListener implements TrainListener, AutoCloseable {
    private final String task;
    private final PrintStream err;
    private ProgressBar bar;
    private int epochs;

    ProgressBarListener(String task, PrintStream err) {
        this.task = task;
        this.err = err;
    }

    @Override
    public void onStart(int epochs, int batchesPerEpoch) {
        this.epochs = epochs;
        boolean tty = System.console() != null;
        bar = new ProgressBarBuilder().setTaskName(task).setInitialMax((long) epochs * batchesPerEpoch)
                .setStyle(tty ? ProgressBarStyle.COLORFUL_UNICODE_BLOCK : ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(tty ? 500 : 30_000)
                .setConsumer(tty ? new ConsoleProgressBarConsumer(err) : new DelegatingProgressBarConsumer(err::println))
                .showSpeed().build();
    }

    @Override
    public void onBatch(int epoch, int batch, double loss) {
        bar.step();
        if (batch % 20 == 0) bar.setExtraMessage(String.format(" epoch %d/%d loss %.4f", epoch + 1, epochs, loss));
    }

    @Override
    public void onEvaluate(String split) {
        close();
        err.println("evaluating on the " + split + " split...");
    }

    @Override
    public void close() {
        if (bar != null) bar.close();
        bar = null;
    }
}
