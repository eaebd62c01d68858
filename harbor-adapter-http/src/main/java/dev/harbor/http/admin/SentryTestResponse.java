package dev.harbor.http.admin;

/** The answer of {@code POST /diagnostics/sentry-test}; {@code eventId} is {@code null} when the SDK dropped the event. */
public record SentryTestResponse(boolean success, String eventId) {}
