package dev.harbor.app.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.AppenderBase;
import dev.harbor.application.port.LogBook;
import dev.harbor.application.port.LogEntry;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * A logback appender that keeps the last few thousand log lines in memory for
 * {@code GET /system/logs}. Lines are not durable; the audit trail is.
 */
public final class MemoryLogBook extends AppenderBase<ILoggingEvent> implements LogBook {

    static final int CAPACITY = 5000;

    private final Deque<LogEntry> lines = new ArrayDeque<>();

    /**
     * The appender of this class on the root logger of the logging SLF4J uses (the runnable jar's
     * {@link GatewayLogging}, or an operator's own file that keeps one), or an empty book when
     * logging is set up otherwise. Looked up rather than remembered: a Logback context set up
     * beside the one in use (a test's, say) must not take its place.
     */
    public static LogBook installed() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            Iterator<Appender<ILoggingEvent>> appenders =
                    context.getLogger(Logger.ROOT_LOGGER_NAME).iteratorForAppenders();
            while (appenders.hasNext()) {
                if (appenders.next() instanceof MemoryLogBook book) {
                    return book;
                }
            }
        }
        return new MemoryLogBook();
    }

    @Override
    protected void append(ILoggingEvent event) {
        IThrowableProxy error = event.getThrowableProxy();
        LogEntry entry = new LogEntry(
                Instant.ofEpochMilli(event.getTimeStamp()),
                event.getLevel().toString(),
                event.getLoggerName(),
                event.getFormattedMessage(),
                error == null ? null : error.getClassName() + ": " + error.getMessage());
        synchronized (lines) {
            if (lines.size() == CAPACITY) {
                lines.removeFirst();
            }
            lines.addLast(entry);
        }
    }

    @Override
    public List<LogEntry> recent(String minimumLevel, int limit, Instant since) {
        Level minimum = minimumLevel == null ? Level.ALL : Level.toLevel(minimumLevel, Level.ALL);
        List<LogEntry> result = new ArrayList<>();
        synchronized (lines) {
            Iterator<LogEntry> newestFirst = lines.descendingIterator();
            while (newestFirst.hasNext() && result.size() < limit) {
                LogEntry entry = newestFirst.next();
                if (since != null && entry.timestamp().isBefore(since)) {
                    break;
                }
                if (Level.toLevel(entry.level()).isGreaterOrEqual(minimum)) {
                    result.add(entry);
                }
            }
        }
        return result;
    }
}
