package dev.harbor.application.system;

import java.time.Instant;

/** What {@code GET /system} shows. */
public record GatewayInfo(
        String gatewayId,
        String name,
        String version,
        Instant startedAt,
        long uptimeSeconds,
        NetworkView network,
        String storage,
        ControllerCounts controllers,
        LockerCounts lockers,
        RuntimeSettings config) {

    public record ControllerCounts(int total, int online) {}

    public record LockerCounts(int total, int available, int occupied, int outOfService) {}
}
