package dev.harbor.bikeep.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Everything the simulated Bikeep cloud knows, behind one lock. Time only moves through
 * {@link #advance()}: the simulator's ticker calls it, and so does every read, so an answer is never
 * staler than the clock.
 */
final class SimulatedCloud {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    // seed: "raw lowercase hexadecimal with no separators, even length … Maximum 20 characters"
    private static final Pattern RFID = Pattern.compile("(?:[0-9a-f]{2}){1,10}");
    private static final Duration DEFAULT_BOOKING = Duration.ofHours(1);

    /** What the cloud reports to whoever listens for webhooks: a type and its {@code data} object. */
    record Notice(String type, ObjectNode data) {}

    private final Clock clock;
    private final BikeepSimulator.Settings settings;
    private final Consumer<Notice> notices;

    private final Map<String, Location> locations = new LinkedHashMap<>();
    private final Map<String, Device> devices = new HashMap<>();
    private final Map<String, Command> commands = new LinkedHashMap<>();
    private final Map<String, Whitelist> whitelists = new LinkedHashMap<>();
    private int nextCode = 123_456;

    SimulatedCloud(Clock clock, BikeepSimulator.Settings settings, Consumer<Notice> notices) {
        this.clock = clock;
        this.settings = settings;
        this.notices = notices;
    }

    // ---- the model ----

    private static final class Location {
        final String id = UUID.randomUUID().toString();
        final String type;
        final String label;
        final String name;
        final String address;
        final List<Device> devices = new ArrayList<>();
        boolean online = true;
        Instant deadSince;

        Location(String type, String label, String name, String address) {
            this.type = type;
            this.label = label;
            this.name = name;
            this.address = address;
        }

        boolean reachable() {
            return online && devices.stream().anyMatch(d -> d.guard() && d.online);
        }
    }

    private static final class Device {
        final String id = UUID.randomUUID().toString();
        final Location location;
        final String type;
        final String alias;
        final String code;
        DeviceState state = DeviceState.UNLOCKED;
        Instant changedAt;
        Instant timeoutAt;
        boolean online = true;
        Instant deadSince;
        boolean neverSecure;

        Device(Location location, String type, String alias, String code, Instant now) {
            this.location = location;
            this.type = type;
            this.alias = alias;
            this.code = code;
            this.changedAt = now;
        }

        boolean guard() {
            return type.equals("GUARD");
        }

        boolean reachable() {
            return online && location.reachable();
        }

        void moveTo(DeviceState next, Instant timeout, Instant now) {
            if (next != state) {
                changedAt = now;
            }
            state = next;
            timeoutAt = timeout;
        }
    }

    private record Event(String name, String value, Instant timestamp) {}

    private static final class Command {
        final String id = UUID.randomUUID().toString();
        final CommandRule rule;
        final Device device;
        final Instant createdAt;
        final Instant bookingUntil;
        final DeviceState stateBefore;
        final Instant timeoutBefore;
        final List<Event> events = new ArrayList<>();
        String state = "SENT";
        String reason;
        Instant timeoutAt;
        Instant receivedAt;

        Command(CommandRule rule, Device device, Instant now, Instant bookingUntil) {
            this.rule = rule;
            this.device = device;
            this.createdAt = now;
            this.bookingUntil = bookingUntil;
            this.stateBefore = device.state;
            this.timeoutBefore = device.timeoutAt;
            events.add(new Event("REQUEST_INITIATED", null, now));
        }

        boolean finished() {
            return state.equals("SUCCESS") || state.equals("ERROR");
        }
    }

    private record Entity(String id, String idType, String status, String expiresAt, String comment) {}

    private static final class Whitelist {
        final String id = UUID.randomUUID().toString();
        final Location location;
        final String name;
        final Map<String, Entity> entities = new LinkedHashMap<>();
        final Map<String, String> failing = new HashMap<>();

        Whitelist(Location location, String name) {
            this.location = location;
            this.name = name;
        }
    }

    // ---- control (the Java API) ----

    synchronized String addLocation(String type, String name, int count) {
        String deviceType = switch (type) {
            case "BIKE_LOCKERS" -> "LOCKER";
            case "BIKE_DOCKS" -> "BIKE_DOCK";
            default -> throw new IllegalArgumentException("location type is BIKE_LOCKERS or BIKE_DOCKS, not " + type);
        };
        if (count < 0) {
            throw new IllegalArgumentException("device count must not be negative: " + count);
        }
        int number = 1234 + locations.size();
        Location location = new Location(type, "#" + number, "#" + number + " " + name, number + " Simulation Street");
        locations.put(location.id, location);
        Instant now = clock.instant();
        register(new Device(location, "GUARD", "C1", code(), now));
        for (int i = 1; i <= count; i++) {
            register(new Device(location, deviceType, String.valueOf(i), code(), now));
        }
        return location.id;
    }

    synchronized String addDevice(String locationId) {
        Location location = location(locationId);
        long existing = location.devices.stream().filter(d -> !d.guard()).count();
        String type = location.type.equals("BIKE_DOCKS") ? "BIKE_DOCK" : "LOCKER";
        Device device = new Device(location, type, String.valueOf(existing + 1), code(), clock.instant());
        register(device);
        return device.id;
    }

    synchronized String addGuard(String locationId) {
        Location location = location(locationId);
        long guards = location.devices.stream().filter(Device::guard).count();
        Device guard = new Device(location, "GUARD", "C" + (guards + 1), code(), clock.instant());
        register(guard);
        return guard.id;
    }

    synchronized void removeDevice(String deviceId) {
        Device device = device(deviceId);
        device.location.devices.remove(device);
        devices.remove(deviceId);
    }

    synchronized List<String> locationIds() {
        return List.copyOf(locations.keySet());
    }

    synchronized List<String> deviceIds(String locationId) {
        return location(locationId).devices.stream()
                .filter(d -> !d.guard())
                .map(d -> d.id)
                .toList();
    }

    synchronized List<String> guardIds(String locationId) {
        return location(locationId).devices.stream()
                .filter(Device::guard)
                .map(d -> d.id)
                .toList();
    }

    synchronized String deviceState(String deviceId) {
        advance();
        return device(deviceId).state.name();
    }

    synchronized String commandState(String commandId) {
        advance();
        return command(commandId).state;
    }

    synchronized void setDeviceState(String deviceId, String state, Instant timeoutAt) {
        device(deviceId).moveTo(DeviceState.valueOf(state), timeoutAt, clock.instant());
    }

    synchronized void setDeviceOnline(String deviceId, boolean online) {
        advance();
        Device device = device(deviceId);
        if (device.online == online) {
            return;
        }
        device.online = online;
        device.deadSince = online ? null : clock.instant();
        notices.accept(connectionNotice(device.location, device, online));
    }

    synchronized void setLocationOnline(String locationId, boolean online) {
        advance();
        Location location = location(locationId);
        if (location.online == online) {
            return;
        }
        location.online = online;
        location.deadSince = online ? null : clock.instant();
        notices.accept(connectionNotice(location, null, online));
    }

    synchronized void neverSecure(String deviceId, boolean never) {
        device(deviceId).neverSecure = never;
    }

    /** The user secures the item now, whatever {@link #neverSecure} says: a LOCKING device locks. */
    synchronized void secureItem(String deviceId) {
        advance();
        Device device = device(deviceId);
        if (device.state != DeviceState.LOCKING) {
            throw new IllegalStateException("device " + deviceId + " is " + device.state + ", not LOCKING");
        }
        Instant now = clock.instant();
        activeCommands(device).stream()
                .filter(c -> c.rule == CommandRule.LOCK && c.state.equals("RECEIVED"))
                .forEach(c -> succeed(c, now));
        if (device.state == DeviceState.LOCKING) {
            device.moveTo(DeviceState.LOCKED, null, now);
        }
    }

    synchronized void takeByRfidTap(String deviceId) {
        advance();
        Device device = device(deviceId);
        if (device.guard() || device.state != DeviceState.UNLOCKED) {
            throw new IllegalStateException(
                    "an RFID user can only take an UNLOCKED locker or dock; " + deviceId + " is " + device.state);
        }
        device.moveTo(DeviceState.LOCKED, null, clock.instant());
    }

    synchronized void releaseByRfidTap(String deviceId) {
        advance();
        Device device = device(deviceId);
        if (device.state != DeviceState.LOCKED) {
            throw new IllegalStateException("only a LOCKED device is released; " + deviceId + " is " + device.state);
        }
        device.moveTo(DeviceState.UNLOCKED, null, clock.instant());
    }

    synchronized String addWhitelist(String locationId, String name) {
        Whitelist whitelist = new Whitelist(location(locationId), name);
        whitelists.put(whitelist.id, whitelist);
        return whitelist.id;
    }

    synchronized void failCards(String whitelistId, Set<String> cardIds, String message) {
        Whitelist whitelist = whitelist(whitelistId);
        whitelist.failing.clear();
        cardIds.forEach(id -> whitelist.failing.put(id, message));
    }

    synchronized Map<String, String> cards(String whitelistId) {
        Map<String, String> cards = new LinkedHashMap<>();
        whitelist(whitelistId).entities.values().forEach(e -> cards.put(e.id(), e.status()));
        return cards;
    }

    // ---- time ----

    /** Moves every command and booking as far as the clock says. */
    synchronized void advance() {
        Instant now = clock.instant();
        for (Command command : commands.values()) {
            if (!command.finished()) {
                step(command, now);
            }
        }
        for (Device device : devices.values()) {
            if (device.state == DeviceState.BOOKED
                    && device.timeoutAt != null
                    && !device.timeoutAt.isAfter(now)
                    && activeCommands(device).isEmpty()) {
                // seed: "After the timeout, the device automatically returns to UNLOCKED."
                device.moveTo(DeviceState.UNLOCKED, null, now);
            }
        }
    }

    private void step(Command command, Instant now) {
        Device device = command.device;
        if (command.state.equals("SENT")) {
            if (!now.isBefore(command.timeoutAt)) {
                fail(
                        command,
                        device.reachable()
                                ? "TIMEOUT: the device did not confirm before timeout_at"
                                : "TIMEOUT: device offline, the command was not delivered before timeout_at",
                        now);
                return;
            }
            Instant deliverAt = command.createdAt.plus(settings.sentToReceived());
            if (!device.reachable() || now.isBefore(deliverAt)) {
                return;
            }
            if (!command.rule.isForce()
                    && command.stateBefore == DeviceState.BOOKED
                    && command.timeoutBefore != null
                    && !command.timeoutBefore.isAfter(now)) {
                fail(command, "INVALID_STATE: the booking expired before the command reached the device", now);
                return;
            }
            command.state = "RECEIVED";
            command.receivedAt = now;
            command.events.add(new Event("REQUEST_RECEIVED", null, now));
            if (command.rule == CommandRule.LOCK) {
                command.timeoutAt = now.plus(settings.lockingWindow());
            } else {
                command.timeoutAt = now.plus(settings.receivedToSuccess()).plus(settings.commandTimeout());
            }
            DeviceState interim = command.rule.whileReceived;
            if (interim != null) {
                device.moveTo(interim, command.timeoutAt, now);
            } else if (device.state == DeviceState.ALLOCATED) {
                device.timeoutAt = command.timeoutAt;
            }
        }
        if (command.state.equals("RECEIVED")) {
            boolean done = !now.isBefore(command.receivedAt.plus(settings.receivedToSuccess()));
            if (command.rule == CommandRule.LOCK && device.neverSecure) {
                done = false;
            }
            if (done) {
                succeed(command, now);
            } else if (!now.isBefore(command.timeoutAt)) {
                fail(
                        command,
                        command.rule == CommandRule.LOCK
                                ? "LOCKING_TIMEOUT: the item was not secured before timeout_at"
                                : "TIMEOUT: the device did not confirm before timeout_at",
                        now);
                if (command.rule == CommandRule.LOCK) {
                    notices.accept(statusNotice(device, "LOCKING timed out", now));
                }
            }
        }
    }

    private void succeed(Command command, Instant now) {
        Device device = command.device;
        DeviceState next = command.rule.stateOnSuccess(device.state);
        if (next != null) {
            Instant timeout = next == DeviceState.BOOKED ? command.bookingUntil : null;
            device.moveTo(next, timeout, now);
        }
        command.state = "SUCCESS";
        command.timeoutAt = null;
        command.events.add(new Event(CommandRule.responseEvent(device.state), null, now));
        if (command.rule.isForce()) {
            for (Command other : activeCommands(device)) {
                fail(other, "INTERRUPTED: " + command.rule.wireName + " overrode this command", now);
            }
        }
    }

    private void fail(Command command, String reason, Instant now) {
        command.state = "ERROR";
        command.reason = reason;
        command.timeoutAt = null;
        command.events.add(new Event("RESPONSE_ERROR", reason, now));
        Device device = command.device;
        boolean movedByThisCommand = device.state == command.rule.stateWhileSent(command.stateBefore)
                || device.state == command.rule.whileReceived;
        if (movedByThisCommand && device.state != command.stateBefore) {
            // back to where it was; a booking that ran out meanwhile is over
            boolean bookingOver = command.stateBefore == DeviceState.BOOKED
                    && command.timeoutBefore != null
                    && !command.timeoutBefore.isAfter(now);
            if (bookingOver) {
                device.moveTo(DeviceState.UNLOCKED, null, now);
            } else {
                device.moveTo(command.stateBefore, command.timeoutBefore, now);
            }
        }
    }

    private List<Command> activeCommands(Device device) {
        return commands.values().stream()
                .filter(c -> c.device == device && !c.finished())
                .toList();
    }

    // ---- the API ----

    synchronized JsonNode locationsJson() {
        advance();
        ArrayNode data = JSON.arrayNode();
        locations.values().forEach(l -> data.add(locationJson(l)));
        return JSON.objectNode().set("data", data);
    }

    synchronized JsonNode devicesJson(String locationId) {
        advance();
        Location location = locations.get(locationId);
        if (location == null) {
            throw BikeepError.notFound("location", locationId);
        }
        ArrayNode data = JSON.arrayNode();
        location.devices.forEach(d -> data.add(deviceJson(d)));
        return JSON.objectNode().set("data", data);
    }

    synchronized JsonNode deviceJson(String deviceId) {
        advance();
        Device device = devices.get(deviceId);
        if (device == null) {
            throw BikeepError.notFound("device", deviceId);
        }
        return deviceJson(device);
    }

    synchronized JsonNode commandJson(String commandId) {
        advance();
        Command command = commands.get(commandId);
        if (command == null) {
            throw BikeepError.notFound("command", commandId);
        }
        return commandJson(command);
    }

    synchronized JsonNode sendCommand(String deviceId, JsonNode body) {
        advance();
        Device device = devices.get(deviceId);
        if (device == null) {
            throw BikeepError.notFound("device", deviceId);
        }
        String name = body.path("command").asText("");
        CommandRule rule = CommandRule.byWireName(name)
                .orElseThrow(() -> BikeepError.badRequest("command must be one of book, cancel-booking, lock, unlock,"
                        + " force-lock, force-unlock, force-cancel-booking; got '" + name + "'"));
        Instant now = clock.instant();
        Instant bookingUntil = null;
        if (rule == CommandRule.BOOK) {
            JsonNode timeout = body.path("timeout_at");
            bookingUntil = now.plus(DEFAULT_BOOKING);
            if (!timeout.isMissingNode() && !timeout.isNull()) {
                try {
                    bookingUntil = Instant.parse(timeout.asText());
                } catch (DateTimeParseException e) {
                    throw BikeepError.badRequest("timeout_at is not an ISO-8601 instant: " + timeout.asText());
                }
            }
        }
        Command command = new Command(rule, device, now, bookingUntil);
        command.timeoutAt = now.plus(settings.commandTimeout());
        commands.put(command.id, command);
        if (device.guard()) {
            fail(command, "INVALID_DEVICE: a GUARD takes no locker commands", now);
        } else if (!rule.acceptedIn.contains(device.state)) {
            fail(
                    command,
                    "INVALID_STATE: " + rule.wireName + " needs the device " + rule.acceptedIn + ", it is "
                            + device.state,
                    now);
        } else if (!rule.isForce()
                && activeCommands(device).stream().anyMatch(c -> c != command && !c.rule.isForce())) {
            fail(command, "DEVICE_BUSY: another command is in progress on the device", now);
        } else {
            DeviceState interim = rule.stateWhileSent(device.state);
            if (interim != null) {
                device.moveTo(interim, command.timeoutAt, now);
            }
            step(command, now);
        }
        return commandJson(command);
    }

    synchronized JsonNode whitelistsJson(String locationId) {
        if (!locations.containsKey(locationId)) {
            throw BikeepError.notFound("location", locationId);
        }
        ArrayNode data = JSON.arrayNode();
        whitelists.values().stream()
                .filter(w -> w.location.id.equals(locationId))
                .forEach(w -> data.add(JSON.objectNode()
                        .put("id", w.id)
                        .put("name", w.name)
                        .put("description", "Simulated whitelist " + w.name)
                        .put("location_id", locationId)));
        return JSON.objectNode().set("data", data);
    }

    synchronized JsonNode entitiesJson(String whitelistId) {
        ArrayNode data = JSON.arrayNode();
        existingWhitelist(whitelistId).entities.values().forEach(e -> data.add(entityJson(e)));
        return JSON.objectNode().set("data", data);
    }

    /**
     * Seed: items are processed one by one; failures answer 400 with {@code error_results} naming
     * only the failed items, and the others stay applied.
     */
    synchronized EntitiesOutcome changeEntities(String whitelistId, JsonNode body) {
        Whitelist whitelist = existingWhitelist(whitelistId);
        String operation = body.path("operation").asText("");
        if (!operation.equals("ADD") && !operation.equals("REMOVE")) {
            throw BikeepError.badRequest("operation must be ADD or REMOVE; got '" + operation + "'");
        }
        JsonNode items = body.path("entities");
        if (!items.isArray() || items.isEmpty()) {
            throw BikeepError.badRequest("entities must be a non-empty array");
        }
        ArrayNode applied = JSON.arrayNode();
        ArrayNode failed = JSON.arrayNode();
        for (JsonNode item : items) {
            String id = item.path("id").asText("");
            String idType = item.path("id_type").asText("");
            String problem = null;
            String code = null;
            if (!idType.equals("rfid")) {
                problem = "id_type must be rfid";
                code = "ERRORS.VALIDATION_ERROR";
            } else if (!RFID.matcher(id).matches()) {
                problem = "id must be lowercase hexadecimal without separators, of even length, at most 20"
                        + " characters";
                code = "ERRORS.VALIDATION_ERROR";
            } else if (whitelist.failing.containsKey(id)) {
                problem = whitelist.failing.get(id);
                code = "ERRORS.ENTITY_REJECTED";
            }
            if (problem != null) {
                failed.add(JSON.objectNode()
                        .put("id", id)
                        .put("id_type", idType)
                        .put("error_message", problem)
                        .put("error_code", code));
                continue;
            }
            if (operation.equals("ADD")) {
                Entity entity = new Entity(
                        id,
                        idType,
                        item.path("status").asText("ACTIVE"),
                        textOrNull(item.get("expires_at")),
                        textOrNull(item.get("comment")));
                whitelist.entities.put(id, entity); // seed: ADD of an existing card replaces it
                applied.add(entityJson(entity));
            } else {
                whitelist.entities.remove(id);
                applied.add(JSON.objectNode().put("id", id).put("id_type", idType));
            }
        }
        return new EntitiesOutcome(applied, failed);
    }

    record EntitiesOutcome(ArrayNode applied, ArrayNode failed) {}

    // ---- JSON ----

    private ObjectNode locationJson(Location location) {
        List<Device> lockers = location.devices.stream().filter(d -> !d.guard()).toList();
        long online = lockers.stream().filter(Device::reachable).count();
        long available = lockers.stream()
                .filter(d -> d.reachable() && d.state == DeviceState.UNLOCKED)
                .count();
        String connection;
        if (!location.reachable()) {
            connection = "offline";
        } else if (online == lockers.size()
                && location.devices.stream().filter(Device::guard).allMatch(d -> d.online)) {
            connection = "online";
        } else {
            connection = "partially_online";
        }
        ObjectNode json = JSON.objectNode()
                .put("id", location.id)
                .put("type", location.type)
                .put("label", location.label)
                .put("name", location.name)
                .put("status", "LAUNCHED")
                .put("connection", connection)
                .put("address", location.address);
        json.putObject("devices")
                .put("total", lockers.size())
                .put("available", available)
                .put("online", online);
        return json;
    }

    private ObjectNode deviceJson(Device device) {
        ObjectNode json = JSON.objectNode()
                .put("id", device.id)
                .put("type", device.type)
                .put("alias", device.alias)
                .put("code", device.code);
        json.putObject("state")
                .put("value", device.state.name())
                .put("changed_at", format(device.changedAt))
                .put("timeout_at", format(device.timeoutAt));
        json.put("hardware_state", "NORMAL");
        boolean reachable = device.guard() ? device.online && device.location.online : device.reachable();
        String health = reachable ? "HEALTHY" : "DEAD";
        json.putObject("heartbeat_v2")
                .put("health", health)
                .put("dead_since", format(reachable ? null : deadSince(device)));
        json.put("heartbeat_health", health);
        return json;
    }

    private static Instant deadSince(Device device) {
        // dead since its own outage, its location's, or its last GUARD's, whichever came first
        Stream<Instant> guards = device.location.reachable()
                ? Stream.empty()
                : device.location.devices.stream().filter(Device::guard).map(d -> d.deadSince);
        return Stream.concat(Stream.of(device.deadSince, device.location.deadSince), guards)
                .filter(Objects::nonNull)
                .min(Comparator.naturalOrder())
                .orElse(device.changedAt);
    }

    private ObjectNode commandJson(Command command) {
        ObjectNode json = JSON.objectNode()
                .put("uri", "/device/v1/commands/" + command.id)
                .put("id", command.id)
                .put("name", command.rule.wireName);
        json.putObject("device").put("id", command.device.id).put("uri", "/device/v1/devices/" + command.device.id);
        ObjectNode state = json.putObject("state").put("value", command.state);
        if (command.reason != null) {
            state.put("reason", command.reason);
        }
        state.put("timeout_at", format(command.timeoutAt));
        ArrayNode events = json.putArray("events");
        for (Event event : command.events) {
            ObjectNode e = events.addObject().put("name", event.name());
            if (event.value() != null) {
                e.put("value", event.value());
            }
            e.put("timestamp", format(event.timestamp()));
        }
        return json;
    }

    private static ObjectNode entityJson(Entity entity) {
        return JSON.objectNode()
                .put("id", entity.id())
                .put("id_type", entity.idType())
                .put("status", entity.status())
                .put("expires_at", entity.expiresAt())
                .put("comment", entity.comment());
    }

    private Notice connectionNotice(Location location, Device device, boolean online) {
        ObjectNode data = JSON.objectNode().put("location_id", location.id);
        if (device != null) {
            data.put("device_id", device.id);
        }
        data.put("connection", online ? "online" : "offline").put("timestamp", format(clock.instant()));
        return new Notice("connection", data);
    }

    private Notice statusNotice(Device device, String status, Instant now) {
        ObjectNode data = JSON.objectNode()
                .put("location_id", device.location.id)
                .put("device_id", device.id)
                .put("status", status)
                .put("timestamp", format(now));
        return new Notice("status", data);
    }

    static String format(Instant instant) {
        return instant == null ? null : TIMESTAMP.format(instant);
    }

    private static String textOrNull(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }

    // ---- lookups ----

    private void register(Device device) {
        device.location.devices.add(device);
        devices.put(device.id, device);
    }

    private String code() {
        return String.valueOf(nextCode++);
    }

    private Location location(String id) {
        Location location = locations.get(id);
        if (location == null) {
            throw new IllegalArgumentException("no simulated location " + id);
        }
        return location;
    }

    private Device device(String id) {
        Device device = devices.get(id);
        if (device == null) {
            throw new IllegalArgumentException("no simulated device " + id);
        }
        return device;
    }

    private Command command(String id) {
        Command command = commands.get(id);
        if (command == null) {
            throw new IllegalArgumentException("no simulated command " + id);
        }
        return command;
    }

    private Whitelist whitelist(String id) {
        Whitelist whitelist = whitelists.get(id);
        if (whitelist == null) {
            throw new IllegalArgumentException("no simulated whitelist " + id);
        }
        return whitelist;
    }

    private Whitelist existingWhitelist(String id) {
        Whitelist whitelist = whitelists.get(id);
        if (whitelist == null) {
            throw BikeepError.notFound("whitelist", id);
        }
        return whitelist;
    }
}
