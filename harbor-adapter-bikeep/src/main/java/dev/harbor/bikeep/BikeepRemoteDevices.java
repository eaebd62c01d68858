package dev.harbor.bikeep;

import dev.harbor.application.port.CommandOutcomeUnknownException;
import dev.harbor.application.port.RemoteDevices;
import dev.harbor.application.port.RemoteSiteException;
import dev.harbor.bikeep.client.BikeepClient;
import dev.harbor.bikeep.client.BikeepException;
import dev.harbor.bikeep.client.BikeepOutcomeUnknownException;
import dev.harbor.bikeep.client.Device;
import dev.harbor.domain.command.CommandEvent;
import dev.harbor.domain.command.CommandRecord;
import dev.harbor.domain.command.CommandState;
import dev.harbor.domain.device.DeviceCommand;
import dev.harbor.domain.device.DeviceState;
import dev.harbor.domain.health.Health;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * {@link RemoteDevices} over the Bikeep cloud: devices ({@code GET /device/v1/…}) and commands
 * ({@code POST /device/v1/devices/{id}/commands}, {@code GET /device/v1/commands/{id}}), translated
 * to the port's records and the domain's {@link CommandRecord}. The mapping decisions are in
 * harbor-adapter-bikeep's {@code DECISIONS.md}.
 */
public final class BikeepRemoteDevices implements RemoteDevices {

    private static final Pattern EVENT_NAME = Pattern.compile("(REQUEST|RESPONSE|STATE)_[A-Z0-9_]+");
    private static final Pattern NOT_NAME_CHARACTERS = Pattern.compile("[^A-Z0-9]+");
    private static final Set<String> HEALTHS =
            Arrays.stream(Health.values()).map(Enum::name).collect(Collectors.toUnmodifiableSet());
    private static final Set<String> STATES =
            Arrays.stream(DeviceState.values()).map(Enum::name).collect(Collectors.toUnmodifiableSet());

    /** Numeric aliases in numeric order, before the others in text order; a missing alias last. */
    static final Comparator<String> ALIAS_ORDER =
            Comparator.nullsLast(Comparator.comparing((String alias) -> !alias.matches("\\d{1,18}"))
                    .thenComparing((a, b) -> a.matches("\\d{1,18}") && b.matches("\\d{1,18}")
                            ? Long.compare(Long.parseLong(a), Long.parseLong(b))
                            : a.compareTo(b)));

    private final BikeepClient client;
    private final Clock clock;

    public BikeepRemoteDevices(BikeepClient client) {
        this(client, Clock.systemUTC());
    }

    /** @param clock stamps what Bikeep does not date: a command's {@code changedAt}, an undated event */
    public BikeepRemoteDevices(BikeepClient client, Clock clock) {
        this.client = Objects.requireNonNull(client, "client");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public List<RemoteDevice> devices(String locationId) {
        try {
            return client.devices(locationId).stream()
                    .map(BikeepRemoteDevices::device)
                    .sorted(Comparator.comparing(RemoteDevice::alias, ALIAS_ORDER))
                    .toList();
        } catch (BikeepException e) {
            throw BikeepFailures.translate(e);
        }
    }

    @Override
    public RemoteDevice device(String deviceId) {
        try {
            return device(client.device(deviceId));
        } catch (BikeepException e) {
            throw BikeepFailures.translate(e);
        }
    }

    @Override
    public CommandRecord send(String deviceId, DeviceCommand command, Instant bookingTimeoutAt) {
        Objects.requireNonNull(command, "command");
        if (bookingTimeoutAt != null && command != DeviceCommand.BOOK) {
            throw new IllegalArgumentException("bookingTimeoutAt is only for book, not " + command.wireName());
        }
        try {
            return record(client.sendCommand(deviceId, wire(command), bookingTimeoutAt), deviceId, command);
        } catch (BikeepOutcomeUnknownException e) {
            throw new CommandOutcomeUnknownException(e.getMessage(), deviceId, command, e);
        } catch (BikeepException e) {
            throw BikeepFailures.translate(e);
        }
    }

    @Override
    public CommandRecord command(String commandId) {
        try {
            return record(client.command(commandId), null, null);
        } catch (BikeepException e) {
            throw BikeepFailures.translate(e);
        }
    }

    static RemoteDevice device(Device d) {
        Kind kind = kind(d.type());
        String state = d.state().value();
        String health = d.heartbeat().health();
        boolean knownHealth = health != null && HEALTHS.contains(health);
        return new RemoteDevice(
                d.id(),
                kind,
                d.alias(),
                d.code(),
                kind != Kind.GUARD && state != null && STATES.contains(state) ? DeviceState.valueOf(state) : null,
                d.state().changedAt(),
                d.state().timeoutAt(),
                knownHealth ? Health.valueOf(health) : Health.LONG_DEAD,
                knownHealth ? d.heartbeat().deadSince() : null);
    }

    private static Kind kind(String type) {
        if (type == null) {
            return Kind.OTHER;
        }
        return switch (type) {
            case "LOCKER" -> Kind.LOCKER;
            case "BIKE_DOCK" -> Kind.BIKE_DOCK;
            case "GUARD" -> Kind.GUARD;
            default -> Kind.OTHER;
        };
    }

    private static dev.harbor.bikeep.client.DeviceCommand wire(DeviceCommand command) {
        return switch (command) {
            case BOOK -> dev.harbor.bikeep.client.DeviceCommand.BOOK;
            case CANCEL_BOOKING -> dev.harbor.bikeep.client.DeviceCommand.CANCEL_BOOKING;
            case LOCK -> dev.harbor.bikeep.client.DeviceCommand.LOCK;
            case UNLOCK -> dev.harbor.bikeep.client.DeviceCommand.UNLOCK;
            case FORCE_LOCK -> dev.harbor.bikeep.client.DeviceCommand.FORCE_LOCK;
            case FORCE_UNLOCK -> dev.harbor.bikeep.client.DeviceCommand.FORCE_UNLOCK;
            case FORCE_CANCEL_BOOKING -> dev.harbor.bikeep.client.DeviceCommand.FORCE_CANCEL_BOOKING;
        };
    }

    /**
     * Bikeep's command record as the domain's. {@code sentTo} and {@code sent} fill what Bikeep
     * left out of the answer to our own POST; on a read, a record we cannot understand is no
     * usable answer.
     */
    CommandRecord record(dev.harbor.bikeep.client.CommandRecord r, String sentTo, DeviceCommand sent) {
        Instant readAt = clock.instant();
        String deviceId = r.deviceId() == null || r.deviceId().isBlank() ? sentTo : r.deviceId();
        DeviceCommand command = DeviceCommand.fromWireName(r.name()).orElse(sent);
        CommandState state = commandState(r.state().value());
        if (deviceId == null || command == null || state == null) {
            throw unusable(
                    r,
                    "device " + deviceId + ", command " + r.name() + ", state "
                            + r.state().value());
        }
        List<CommandEvent> events = r.events().stream()
                .map(e -> new CommandEvent(
                        eventName(e.name()), e.value(), e.timestamp() == null ? readAt : e.timestamp()))
                .toList();
        // Bikeep does not date a command's state: its latest event is the best witness of the change.
        Instant changedAt = events.stream()
                .map(CommandEvent::timestamp)
                .max(Comparator.naturalOrder())
                .orElse(readAt);
        String reason = null;
        if (state == CommandState.ERROR) {
            String given = r.state().reason();
            reason = given == null || given.isBlank() ? "Bikeep gave no reason" : given;
        }
        Instant timeoutAt = state.isFinal() ? null : r.state().timeoutAt();
        return new CommandRecord(r.id(), deviceId, command, state, changedAt, timeoutAt, reason, events);
    }

    private static CommandState commandState(String value) {
        if (value == null) {
            return null;
        }
        return Arrays.stream(CommandState.values())
                .filter(s -> s.name().equals(value))
                .findFirst()
                .orElse(null);
    }

    /**
     * An event name the domain accepts: upper-cased, every run of other characters turned into
     * {@code _}; a name that still has none of the three prefixes is Bikeep speaking, so it gets
     * {@code RESPONSE_}. Bikeep's own names ({@code REQUEST_RECEIVED}, {@code RESPONSE_DEVICE_LOCKED})
     * pass unchanged.
     */
    static String eventName(String name) {
        if (name != null && EVENT_NAME.matcher(name).matches()) {
            return name;
        }
        String cleaned = name == null
                ? ""
                : NOT_NAME_CHARACTERS
                        .matcher(name.toUpperCase(Locale.ROOT))
                        .replaceAll("_")
                        .replaceAll("^_+|_+$", "");
        if (EVENT_NAME.matcher(cleaned).matches()) {
            return cleaned;
        }
        return "RESPONSE_" + (cleaned.isEmpty() ? "UNNAMED" : cleaned);
    }

    private static RemoteSiteException unusable(dev.harbor.bikeep.client.CommandRecord r, String what) {
        return new RemoteSiteException(
                RemoteSiteException.Kind.UNAVAILABLE,
                "Bikeep answered command " + r.id() + " with a record Harbor cannot read (" + what + ")",
                null,
                null);
    }
}
