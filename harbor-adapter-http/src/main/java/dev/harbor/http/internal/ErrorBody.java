package dev.harbor.http.internal;

import java.time.Instant;
import java.util.Map;

/** The one error body of every route (local-api.md, "Conventions"). */
public record ErrorBody(String error, String message, Instant timestamp, Map<String, String> details) {}
