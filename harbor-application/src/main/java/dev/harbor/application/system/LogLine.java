package dev.harbor.application.system;

import java.time.Instant;

/** One line of the recent logs. {@code error} is a one-line summary, never a stack trace. */
public record LogLine(Instant timestamp, String level, String logger, String message, String error) {}
