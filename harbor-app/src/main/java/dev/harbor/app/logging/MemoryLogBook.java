package dev.harbor.app.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.AppenderBase;
import dev.harbor.application.port.LogBook;
import dev.harbor.application.port.LogEntry;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;

/**
 * A logback appender that keeps the last few thousand log lines in memory for
 * {@code GET /system/logs}. Lines are not durable; the audit trail is.
 */
public final class MemoryLogBook extends AppenderBase<ILoggingEvent> implements LogBook {

    static final int CAPACITY = 5000;
    private static volatile MemoryLogBook installed;

    private final Deque<LogEntry> lines = new ArrayDeque<>();

    /**
     * The instance the runnable jar's logging set up ({@link GatewayLogging}), or an empty one when
     * logging is set up otherwise.
     */
    public static LogBook installed() {
        MemoryLogBook book = installed;
        return book != null ? book : new MemoryLogBook();
    }

    @Override
    public void start() {
        super.start();
        installed = this;
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
