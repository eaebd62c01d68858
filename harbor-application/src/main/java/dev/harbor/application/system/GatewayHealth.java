package dev.harbor.application.system;

/** What {@code GET /health} shows: UP, DEGRADED (a controller offline) or DOWN (no database). */
public record GatewayHealth(
        Status status,
        boolean databaseUp,
        GatewayInfo.ControllerCounts controllers,
        String version,
        long uptimeSeconds) {

    public enum Status {
        UP,
        DEGRADED,
        DOWN
    }
}
