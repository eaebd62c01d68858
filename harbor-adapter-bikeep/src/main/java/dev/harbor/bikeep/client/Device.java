package dev.harbor.bikeep.client;

import java.time.Instant;
import java.util.Objects;

/**
 * A Bikeep device: a {@code LOCKER}, a {@code BIKE_DOCK}, or a {@code GUARD} (the location's gateway,
 * whose {@link #state()} means nothing but whose {@link #heartbeat()} tells whether the location is
 * reachable).
 *
 * @param id Bikeep's device id
 * @param type {@code GUARD}, {@code LOCKER}, {@code BIKE_DOCK}, …
 * @param alias the number shown on the device, e.g. {@code 1}
 * @param code the device code
 * @param state the API-level state
 * @param hardwareState {@code NORMAL} in practice
 * @param heartbeat connectivity, from {@code heartbeat_v2} (or the deprecated {@code
 *     heartbeat_health} when Bikeep sent only that)
 */
public record Device(
        String id,
        String type,
        String alias,
        String code,
        DeviceState state,
        String hardwareState,
        Heartbeat heartbeat) {

    public Device {
        Objects.requireNonNull(id, "id");
        state = state == null ? new DeviceState(null, null, null) : state;
        heartbeat = heartbeat == null ? new Heartbeat(null, null) : heartbeat;
    }

    /** Whether this is one of the location's gateways. */
    public boolean isGuard() {
        return "GUARD".equals(type);
    }

    /**
     * A device's API-level state.
     *
     * @param value {@code UNLOCKED}, {@code BOOKED}, {@code ALLOCATED}, {@code LOCKING}, {@code LOCKED},
     *     {@code UNLOCKING}, …; null when Bikeep sent none
     * @param changedAt when the state last changed, may be null
     * @param timeoutAt deadline of the current state (booking expiry, delivery deadline, hardware
     *     window); null in terminal states
     */
    public record DeviceState(String value, Instant changedAt, Instant timeoutAt) {}

    /**
     * A device's connectivity.
     *
     * @param health {@code HEALTHY}, {@code UNHEALTHY} (~15 s without heartbeat), {@code DEAD} (~30 s),
     *     {@code LONG_DEAD} (2 h+); null when unknown
     * @param deadSince when the device stopped answering; null while healthy
     */
    public record Heartbeat(String health, Instant deadSince) {

        /** {@code HEALTHY} or {@code UNHEALTHY}: the device still talks to the cloud. */
        public boolean isAlive() {
            return "HEALTHY".equals(health) || "UNHEALTHY".equals(health);
        }
    }
}
