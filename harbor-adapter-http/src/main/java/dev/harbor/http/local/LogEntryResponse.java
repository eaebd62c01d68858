package dev.harbor.http.local;

import dev.harbor.application.system.LogLine;
import java.time.Instant;

/** {@code LogEntry} of {@code GET /system/logs}. */
public record LogEntryResponse(Instant timestamp, String level, String logger, String message, String error) {

    public static LogEntryResponse from(LogLine entry) {
        return new LogEntryResponse(entry.timestamp(), entry.level(), entry.logger(), entry.message(), entry.error());
    }
}
