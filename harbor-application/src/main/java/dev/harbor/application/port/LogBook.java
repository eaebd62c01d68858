package dev.harbor.application.port;

import java.time.Instant;
import java.util.List;

/** The gateway's own recent log lines (kept in memory by the logging back end). */
public interface LogBook {

    /** Newest first; {@code minimumLevel} and {@code since} may be {@code null}. */
    List<LogEntry> recent(String minimumLevel, int limit, Instant since);
}
