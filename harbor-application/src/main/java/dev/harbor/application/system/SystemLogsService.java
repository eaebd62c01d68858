package dev.harbor.application.system;

import dev.harbor.application.port.AuditTrail;
import dev.harbor.application.port.LogBook;
import dev.harbor.application.port.LogEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The gateway's recent log lines merged with the durable audit trail, newest first. The audit
 * entries come from the database, so they are there after a restart while the log lines are not.
 */
final class SystemLogsService implements SystemLogs {

    static final String AUDIT_LOGGER = "audit";
    private static final List<String> LEVELS = RuntimeSettings.LEVELS_IN_ORDER;

    private final LogBook logBook;
    private final AuditTrail auditTrail;

    SystemLogsService(LogBook logBook, AuditTrail auditTrail) {
        this.logBook = logBook;
        this.auditTrail = auditTrail;
    }

    @Override
    public List<LogLine> recent(String minimumLevel, int limit, Instant since) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1-" + MAX_LIMIT);
        }
        if (minimumLevel != null && !LEVELS.contains(minimumLevel)) {
            throw new IllegalArgumentException("level must be one of " + LEVELS);
        }
        if (since != null && since.isAfter(LATEST_SINCE)) {
            // Nothing is that new, and the stores count time in epoch milliseconds, which overflow.
            return List.of();
        }
        Instant from = since == null || since.isBefore(EARLIEST_SINCE) ? null : since;
        List<LogEntry> merged = new ArrayList<>();
        logBook.recent(minimumLevel, limit, from).stream()
                // The audit trail is the durable copy of these lines; show each entry once.
                .filter(e -> !AUDIT_LOGGER.equals(e.logger()))
                .forEach(merged::add);
        if (minimumLevel == null || LEVELS.indexOf(minimumLevel) <= LEVELS.indexOf("INFO")) {
            auditTrail.recent(limit, from).forEach(e -> merged.add(asLogEntry(e)));
        }
        merged.sort(Comparator.comparing(LogEntry::timestamp).reversed());
        return merged.stream()
                .limit(limit)
                .map(e -> new LogLine(e.timestamp(), e.level(), e.logger(), e.message(), e.error()))
                .toList();
    }

    private static LogEntry asLogEntry(AuditTrail.Entry entry) {
        String message = entry.actor() + " " + entry.action() + " " + entry.target() + " -> " + entry.outcome()
                + (entry.detail() == null ? "" : " (" + entry.detail() + ")");
        return new LogEntry(entry.at(), "INFO", AUDIT_LOGGER, message, null);
    }
}
