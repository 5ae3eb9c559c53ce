package kernelwise.search;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.FileAppender;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;

/** Sends every INFO-and-above log line to a run's log file while the run is going on. */
final class RunLogging implements AutoCloseable {
    private final FileAppender<ILoggingEvent> appender;
    private final Logger root;

    private RunLogging(FileAppender<ILoggingEvent> appender, Logger root) {
        this.appender = appender;
        this.root = root;
    }

    /** Appends to {@code file} (a resumed run continues its log); a no-op if SLF4J is not bound to Logback. */
    static AutoCloseable attach(Path file) throws java.io.IOException {
        java.nio.file.Files.createDirectories(file.toAbsolutePath().getParent());
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext ctx)) return () -> { };
        PatternLayoutEncoder enc = new PatternLayoutEncoder();
        enc.setContext(ctx);
        enc.setPattern("%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level %logger{30} - %msg%n");
        enc.start();
        FileAppender<ILoggingEvent> fa = new FileAppender<>();
        fa.setContext(ctx);
        fa.setName("run-" + file);
        fa.setFile(file.toString());
        fa.setAppend(true);
        fa.setEncoder(enc);
        fa.start();
        Logger root = ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(fa);
        return new RunLogging(fa, root);
    }

    @Override
    public void close() {
        root.detachAppender(appender);
        appender.stop();
    }
}
