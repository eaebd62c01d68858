package dev.harbor.application.fakes;

import dev.harbor.application.port.CommandOutcomeUnknownException;
import dev.harbor.application.port.RemoteDevices;
import dev.harbor.domain.command.CommandEvent;
import dev.harbor.domain.command.CommandRecord;
import dev.harbor.domain.command.CommandState;
import dev.harbor.domain.device.DeviceCommand;
import dev.harbor.domain.device.DeviceState;
import dev.harbor.domain.health.Health;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A remote site's devices in memory, with a small honest model of the cloud's commands: a command
 * is accepted only in the states the spec's table allows (else it is answered {@code ERROR} at
 * once), and moves {@code SENT → RECEIVED → SUCCESS} one step per {@link #step()}, the device going
 * through its interim states on the way. An offline device keeps its commands {@code SENT} until
 * their deadline passes on the clock, then {@code ERROR}. Counts every call that would have gone
 * over the network, and every command that reached the cloud.
 */
public final class InMemoryRemoteDevices implements RemoteDevices {

    /** How long a command may stay {@code SENT} or {@code RECEIVED}. */
    public static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(10);

    private static final Duration DEFAULT_BOOKING = Duration.ofHours(1);

    private static final class Device {
        final String id;
        final String locationId;
        final Kind kind;
        final String alias;
        final String code;
        DeviceState state = DeviceState.UNLOCKED;
        Instant changedAt;
        Instant timeoutAt;
        Instant deadSince;

        Device(String locationId, Kind kind, String alias, Instant now) {
            this(locationId, kind, alias, now, UUID.randomUUID().toString());
        }

        Device(String locationId, Kind kind, String alias, Instant now, String id) {
            this.id = id;
            this.locationId = locationId;
            this.kind = kind;
            this.alias = alias;
            this.code = String.valueOf(100_000 + Math.abs(id.hashCode() % 900_000));
            this.changedAt = now;
        }

        void moveTo(DeviceState next, Instant timeout, Instant now) {
            state = next;
            timeoutAt = timeout;
            changedAt = now;
        }

        RemoteDevice view() {
            boolean online = deadSince == null;
            return new RemoteDevice(
                    id,
                    kind,
                    alias,
                    code,
                    kind == Kind.GUARD ? null : state,
                    changedAt,
                    timeoutAt,
                    online ? Health.HEALTHY : Health.DEAD,
                    deadSince);
        }
    }

    private record InFlight(CommandRecord record, DeviceState before, Instant beforeTimeout, Instant bookingUntil) {}

    private static final Comparator<String> ALIAS_ORDER = Comparator.comparing((String a) -> !a.matches("\\d+"))
            .thenComparing((a, b) -> a.matches("\\d+") && b.matches("\\d+")
                    ? Long.compare(Long.parseLong(a), Long.parseLong(b))
                    : a.compareTo(b));

    private final Clock clock;
    private final Map<String, List<Device>> locations = new LinkedHashMap<>();
    private final Map<String, Device> devices = new LinkedHashMap<>();
    private final Map<String, InFlight> commands = new LinkedHashMap<>();
    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicInteger commandsReceived = new AtomicInteger();
    private volatile boolean offline;
    private boolean loseNextAnswer;

    public InMemoryRemoteDevices(Clock clock) {
        this.clock = clock;
    }

    /** @param type {@code BIKE_LOCKERS} or {@code BIKE_DOCKS}; one GUARD ({@code C1}) comes with it */
    public synchronized String addLocation(String type, int count) {
        Kind kind = type.equals("BIKE_DOCKS") ? Kind.BIKE_DOCK : Kind.LOCKER;
        String id = UUID.randomUUID().toString();
        Instant now = clock.instant();
        List<Device> list = new ArrayList<>();
        list.add(new Device(id, Kind.GUARD, "C1", now));
        for (int i = 1; i <= count; i++) {
            list.add(new Device(id, kind, String.valueOf(i), now));
        }
        list.forEach(d -> devices.put(d.id, d));
        locations.put(id, list);
        return id;
    }

    /** A device appears in the location upstream. @return its id */
    public synchronized String addDevice(String locationId, String alias) {
        List<Device> list = locations.get(locationId);
        Kind kind = list.stream()
                .map(d -> d.kind)
                .filter(k -> k != Kind.GUARD)
                .findFirst()
                .orElse(Kind.LOCKER);
        Device device = new Device(locationId, kind, alias, clock.instant());
        list.add(device);
        devices.put(device.id, device);
        return device.id;
    }

    /** A device is moved to another location upstream (same id). */
    public synchronized void moveDevice(String deviceId, String toLocationId) {
        Device device = devices.get(deviceId);
        locations.get(device.locationId).remove(device);
        Device moved = new Device(toLocationId, device.kind, device.alias, clock.instant(), device.id);
        devices.put(deviceId, moved);
        locations.get(toLocationId).add(moved);
    }

    /** A device is taken out of its location upstream. */
    public synchronized void removeDevice(String deviceId) {
        Device device = devices.remove(deviceId);
        locations.get(device.locationId).remove(device);
    }

    /** The location's lockers or docks, in alias order. */
    public synchronized List<String> lockerIds(String locationId) {
        return locations.get(locationId).stream()
                .filter(d -> d.kind != Kind.GUARD)
                .map(d -> d.id)
                .toList();
    }

    public void goOffline(boolean offline) {
        this.offline = offline;
    }

    /** An offline device keeps its commands {@code SENT}; its health is {@code DEAD}. */
    public synchronized void setDeviceOnline(String deviceId, boolean online) {
        devices.get(deviceId).deadSince = online ? null : clock.instant();
    }

    /** The next command is accepted by the cloud, but its answer never reaches the caller. */
    public synchronized void loseNextAnswer() {
        loseNextAnswer = true;
    }

    /** Moves every unfinished command one step, or to {@code ERROR} once its deadline has passed. */
    public synchronized void step() {
        Instant now = clock.instant();
        for (InFlight c : List.copyOf(commands.values())) {
            CommandRecord r = c.record();
            if (r.state().isFinal()) {
                continue;
            }
            Device device = devices.get(r.deviceId());
            if (r.isDue(now)) {
                fail(
                        c,
                        "TIMEOUT: " + (device.deadSince == null ? "not confirmed" : "device offline") + " before "
                                + r.timeoutAt(),
                        now);
            } else if (device.deadSince != null) {
                continue;
            } else if (r.state() == CommandState.SENT) {
                CommandRecord received =
                        r.received(now.plus(COMMAND_TIMEOUT), now).withEvent(CommandEvent.of("REQUEST_RECEIVED", now));
                DeviceState interim = whileReceived(r.command());
                if (interim != null) {
                    device.moveTo(interim, received.timeoutAt(), now);
                }
                put(c, received);
            } else {
                DeviceState next = onSuccess(r.command(), device.state);
                if (next != null) {
                    device.moveTo(next, next == DeviceState.BOOKED ? c.bookingUntil() : null, now);
                }
                put(c, r.succeeded(now).withEvent(CommandEvent.of("RESPONSE_DEVICE_" + device.state, now)));
                if (r.command().isForce()) {
                    for (InFlight other : List.copyOf(commands.values())) {
                        if (other.record().deviceId().equals(device.id)
                                && !other.record().state().isFinal()) {
                            fail(other, "INTERRUPTED: " + r.command().wireName() + " overrode this command", now);
                        }
                    }
                }
            }
        }
    }

    /** How many commands reached the cloud, lost answers included. */
    public int commandsReceived() {
        return commandsReceived.get();
    }

    /** How many calls reached the site (or would have, had it been on line). */
    public int calls() {
        return calls.get();
    }

    @Override
    public synchronized List<RemoteDevice> devices(String locationId) {
        call();
        List<Device> list = locations.get(locationId);
        if (list == null) {
            throw RemoteSiteFailures.notFound("location", locationId);
        }
        return list.stream()
                .map(Device::view)
                .sorted(Comparator.comparing(RemoteDevice::alias, ALIAS_ORDER))
                .toList();
    }

    @Override
    public synchronized RemoteDevice device(String deviceId) {
        call();
        return existing(deviceId).view();
    }

    @Override
    public synchronized CommandRecord send(String deviceId, DeviceCommand command, Instant bookingTimeoutAt) {
        if (bookingTimeoutAt != null && command != DeviceCommand.BOOK) {
            throw new IllegalArgumentException("bookingTimeoutAt is only for book, not " + command.wireName());
        }
        call();
        Device device = existing(deviceId);
        commandsReceived.incrementAndGet();
        Instant now = clock.instant();
        CommandRecord record = CommandRecord.initiated(UUID.randomUUID().toString(), deviceId, command, now)
                .sent(now.plus(COMMAND_TIMEOUT), now)
                .withEvent(CommandEvent.of("REQUEST_SENT", now));
        Instant bookingUntil = command == DeviceCommand.BOOK
                ? (bookingTimeoutAt == null ? now.plus(DEFAULT_BOOKING) : bookingTimeoutAt)
                : null;
        InFlight inFlight = new InFlight(record, device.state, device.timeoutAt, bookingUntil);
        commands.put(record.id(), inFlight);
        if (device.kind == Kind.GUARD) {
            fail(inFlight, "INVALID_DEVICE: a GUARD takes no locker commands", now);
        } else if (!acceptedIn(command).contains(device.state)) {
            fail(
                    inFlight,
                    "INVALID_STATE: " + command.wireName() + " needs " + acceptedIn(command) + ", it is "
                            + device.state,
                    now);
        } else if (!command.isForce() && hasActiveCommand(deviceId, record.id())) {
            fail(inFlight, "DEVICE_BUSY: another command is in progress on the device", now);
        } else {
            DeviceState interim = whileSent(command, device.state);
            if (interim != null) {
                device.moveTo(interim, record.timeoutAt(), now);
            }
        }
        if (loseNextAnswer) {
            loseNextAnswer = false;
            throw new CommandOutcomeUnknownException(
                    "the answer to " + command.wireName() + " was lost", deviceId, command, null);
        }
        return commands.get(record.id()).record();
    }

    @Override
    public synchronized CommandRecord command(String commandId) {
        call();
        InFlight c = commands.get(commandId);
        if (c == null) {
            throw RemoteSiteFailures.notFound("command", commandId);
        }
        return c.record();
    }

    private void fail(InFlight c, String reason, Instant now) {
        put(c, c.record().failed(reason, now).withEvent(new CommandEvent("RESPONSE_ERROR", reason, now)));
        Device device = devices.get(c.record().deviceId());
        DeviceCommand command = c.record().command();
        boolean movedByIt = device.state == whileSent(command, c.before()) || device.state == whileReceived(command);
        if (movedByIt && device.state != c.before()) {
            device.moveTo(c.before(), c.beforeTimeout(), now);
        }
    }

    private boolean hasActiveCommand(String deviceId, String except) {
        return commands.values().stream()
                .map(InFlight::record)
                .anyMatch(r -> r.deviceId().equals(deviceId)
                        && !r.id().equals(except)
                        && !r.state().isFinal());
    }

    private void put(InFlight c, CommandRecord next) {
        commands.put(next.id(), new InFlight(next, c.before(), c.beforeTimeout(), c.bookingUntil()));
    }

    private static Set<DeviceState> acceptedIn(DeviceCommand command) {
        return switch (command) {
            case BOOK -> EnumSet.of(DeviceState.UNLOCKED);
            case CANCEL_BOOKING -> EnumSet.of(DeviceState.BOOKED);
            case LOCK -> EnumSet.of(DeviceState.UNLOCKED, DeviceState.BOOKED);
            case UNLOCK -> EnumSet.of(DeviceState.LOCKED);
            case FORCE_LOCK, FORCE_UNLOCK, FORCE_CANCEL_BOOKING -> EnumSet.allOf(DeviceState.class);
        };
    }

    private static DeviceState whileSent(DeviceCommand command, DeviceState current) {
        if (command == DeviceCommand.BOOK || (command == DeviceCommand.LOCK && current == DeviceState.UNLOCKED)) {
            return DeviceState.ALLOCATED;
        }
        return null;
    }

    private static DeviceState whileReceived(DeviceCommand command) {
        return switch (command) {
            case LOCK -> DeviceState.LOCKING;
            case UNLOCK -> DeviceState.UNLOCKING;
            default -> null;
        };
    }

    private static DeviceState onSuccess(DeviceCommand command, DeviceState current) {
        return switch (command) {
            case BOOK -> DeviceState.BOOKED;
            case CANCEL_BOOKING, UNLOCK, FORCE_UNLOCK -> DeviceState.UNLOCKED;
            case LOCK, FORCE_LOCK -> DeviceState.LOCKED;
            case FORCE_CANCEL_BOOKING ->
                current == DeviceState.BOOKED || current == DeviceState.ALLOCATED ? DeviceState.UNLOCKED : null;
        };
    }

    private void call() {
        calls.incrementAndGet();
        if (offline) {
            throw RemoteSiteFailures.unreachable();
        }
    }

    private Device existing(String deviceId) {
        Device device = devices.get(deviceId);
        if (device == null) {
            throw RemoteSiteFailures.notFound("device", deviceId);
        }
        return device;
    }
}
