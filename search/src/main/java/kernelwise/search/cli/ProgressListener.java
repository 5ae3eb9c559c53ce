package kernelwise.search.cli;

import kernelwise.search.SearchLoop;
import kernelwise.search.store.EpisodeRecord;
import kernelwise.search.store.RunProgress;
import kernelwise.search.store.Scores;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * Draws a run's progress bar on stderr: episode, best reward, and the best plan's accuracy and relative cost. When
 * stderr is not a terminal (a log file), it prints a plain line every 30 seconds instead.
 */
final class ProgressListener implements SearchLoop.Listener, AutoCloseable {
    private final PrintStream err;
    private ProgressBar bar;

    ProgressListener(PrintStream err) {
        this.err = err;
    }

    @Override
    public void started(String run, RunProgress p) {
        boolean terminal = System.console() != null;
        bar = new ProgressBarBuilder().setTaskName(run).setInitialMax(p.targetEpisodes())
                .setStyle(terminal ? ProgressBarStyle.COLORFUL_UNICODE_BLOCK : ProgressBarStyle.ASCII)
                .setConsumer(terminal ? new ConsoleProgressBarConsumer(err, 150) : new DelegatingProgressBarConsumer(err::println, 150))
                .setUpdateIntervalMillis(terminal ? 500 : 30_000)
                .startsFrom(p.episodesDone(), Duration.ZERO).build();
        bar.setExtraMessage(extra(p));
    }

    @Override
    public void episode(EpisodeRecord e, RunProgress p, double commitSeconds) {
        bar.setExtraMessage(extra(p));
        bar.stepTo(p.episodesDone());
    }

    @Override
    public void finished(String run, RunProgress p, Path dir) {
        close();
    }

    private static String extra(RunProgress p) {
        Scores b = p.bestScores();
        if (b == null) return "";
        return String.format(Locale.ROOT, " best: reward %.3f acc %.2f%% cost %.2f", b.reward(), 100 * b.accuracy(), b.relativeCost());
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
