package dev.harbor.application.port;

import java.time.Instant;

/** One line of {@code GET /system/logs}. {@code error} is a one-line summary, never a stack trace. */
public record LogEntry(Instant timestamp, String level, String logger, String message, String error) {}
