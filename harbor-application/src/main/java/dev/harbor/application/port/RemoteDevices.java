package dev.harbor.application.port;

import dev.harbor.domain.command.CommandRecord;
import dev.harbor.domain.device.DeviceCommand;
import dev.harbor.domain.device.DeviceState;
import dev.harbor.domain.health.Health;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The devices of a remote site's locations (Bikeep's lockers, bike docks and gateways) and the
 * asynchronous commands that move them. Which command a Harbor action needs is the application's
 * decision (from the device state machine and the device's last known state); this port only
 * delivers it and reports what the cloud says about it.
 *
 * <p>Every method may throw {@link RemoteSiteException}: {@code NOT_FOUND} when the location,
 * device or command is unknown, {@code UNAVAILABLE} when the cloud cannot be reached or gave no
 * usable answer, {@code REFUSED} when it refused the request itself. {@link #send} may also throw
 * {@link CommandOutcomeUnknownException}, which is deliberately not a {@code RemoteSiteException}.
 */
public interface RemoteDevices {

    /** Every device of a location, gateways ({@link Kind#GUARD}) included, ordered by alias (numeric when numeric). */
    List<RemoteDevice> devices(String locationId);

    /** One device, read now. */
    RemoteDevice device(String deviceId);

    /**
     * Sends a command to a device. A refused command (wrong state, busy device) is not an exception:
     * the cloud records it and answers it in {@code ERROR} with a reason.
     *
     * @param bookingTimeoutAt when a booking ends; only for {@link DeviceCommand#BOOK} ({@code null}:
     *     the cloud's default), always {@code null} for the others
     * @return the command as the cloud accepted it, normally {@code SENT}; follow it with {@link
     *     #command}
     * @throws IllegalArgumentException when {@code bookingTimeoutAt} is given for another command
     * @throws CommandOutcomeUnknownException when the command left but its answer was lost: it may
     *     have arrived. Never send it again; re-read the device to learn what happened.
     */
    CommandRecord send(String deviceId, DeviceCommand command, Instant bookingTimeoutAt);

    /** A command as the cloud reports it now; poll until {@code SUCCESS} or {@code ERROR}. */
    CommandRecord command(String commandId);

    /** What a device is. */
    enum Kind {
        LOCKER,
        BIKE_DOCK,
        /** One of the location's gateways: its state means nothing, its health says whether the location is reachable. */
        GUARD,
        /** A device type Harbor does not drive. */
        OTHER
    }

    /**
     * A device as the cloud reports it.
     *
     * @param alias the number shown on the device, e.g. {@code 1}; may be null
     * @param code the device code; may be null
     * @param state {@code null} when there is none Harbor can act on: a {@link Kind#GUARD}'s, a
     *     missing one, or a value the domain does not know (a state the cloud adds later). A flow
     *     must treat {@code null} as "not available, send nothing".
     * @param stateChangedAt may be null
     * @param stateTimeoutAt deadline of the current state (booking expiry, delivery or hardware
     *     window); null when none
     * @param health never null; a missing or unknown health is {@link Health#LONG_DEAD} with no
     *     {@code deadSince} (as a device never heard from)
     * @param deadSince when it stopped answering; null while {@code HEALTHY} or {@code UNHEALTHY}
     */
    record RemoteDevice(
            String id,
            Kind kind,
            String alias,
            String code,
            DeviceState state,
            Instant stateChangedAt,
            Instant stateTimeoutAt,
            Health health,
            Instant deadSince) {

        public RemoteDevice {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(health, "health");
            if (isAlive(health)) {
                deadSince = null;
            }
        }

        /** {@code HEALTHY} or {@code UNHEALTHY}: the device still talks to the cloud. */
        public boolean isOnline() {
            return isAlive(health);
        }

        private static boolean isAlive(Health health) {
            return health == Health.HEALTHY || health == Health.UNHEALTHY;
        }
    }
}
