package dev.harbor.app.logging;

import java.util.Locale;
import java.util.Optional;

/** How log lines are written to standard output ({@code HARBOR_LOG_FORMAT}). */
public enum LogFormat {
    /** One line of text per event, as the runnable jar writes it ({@link GatewayLogging}). */
    TEXT,
    /**
     * One JSON object per line: {@code timestamp} (ISO-8601 UTC, milliseconds), {@code level},
     * {@code logger}, {@code thread}, {@code message}, {@code error} (the stack trace, when there is
     * one) and every MDC entry (such as {@code requestId}) as a field of its own.
     */
    JSON;

    /** The format named {@code text} or {@code json}, in any case. */
    public static Optional<LogFormat> named(String name) {
        for (LogFormat format : values()) {
            if (format.name().equalsIgnoreCase(name.strip())) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
