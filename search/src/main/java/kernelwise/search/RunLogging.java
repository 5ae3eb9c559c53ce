package kernelwise.search;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Sends the log lines of one run to its log file while the run is going on: every INFO-and-above line logged by the
 * thread that attached it (the search loop's), marked with the run's name in the MDC, and nothing else, so that two
 * runs in one JVM never write into each other's files.
 */
final class RunLogging implements AutoCloseable {
    static final String MDC_KEY = "kernelwise.run";

    private final FileAppender<ILoggingEvent> appender;
    private final Logger root;
    private boolean closed;

    private RunLogging(FileAppender<ILoggingEvent> appender, Logger root) {
        this.appender = appender;
        this.root = root;
    }

    /** Appends to {@code file} (a resumed run continues its log); a no-op if SLF4J is not bound to Logback. */
    static AutoCloseable attach(String run, Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
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
        fa.addFilter(new Filter<>() {
            @Override
            public FilterReply decide(ILoggingEvent e) {
                return run.equals(e.getMDCPropertyMap().get(MDC_KEY)) ? FilterReply.NEUTRAL : FilterReply.DENY;
            }
        });
        fa.start();
        Logger root = ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(fa);
        MDC.put(MDC_KEY, run);
        return new RunLogging(fa, root);
    }

    @Override
    public void close() {
        if (closed) return;
        closed = true;
        MDC.remove(MDC_KEY);
        root.detachAppender(appender);
        appender.stop();
    }
}
