package dev.harbor.http.local;

import dev.harbor.application.system.GatewayHealth;

/** What {@code GET /health} answers. */
public record HealthResponse(String status, String database, Counts controllers, String version, long uptimeSeconds) {

    public record Counts(int total, int online) {}

    public static HealthResponse from(GatewayHealth health) {
        return new HealthResponse(
                health.status().name(),
                health.databaseUp() ? "UP" : "DOWN",
                new Counts(health.controllers().total(), health.controllers().online()),
                health.version(),
                health.uptimeSeconds());
    }
}
