package dev.harbor.domain.controller;

import dev.harbor.domain.rule.InvalidValueException;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads a board's endpoint from plain values, the shape a JSON object takes once a JSON library
 * has let go of it: {@code Map<String, ?>} for objects, {@code String}, {@code Integer} (or a
 * wider number) for whole numbers, {@code null} for absent. The Admin API and the layout file
 * both describe boards this way, and this is the one place that decides which fields there are,
 * which are required, their types and defaults. Every refusal is an {@link InvalidValueException}
 * naming the field's path ({@code transport.port}, {@code boardAddress} …).
 *
 * <pre>{@code
 * {"protocol": "kerong-cu48", "boardAddress": 1,
 *  "transport": {"type": "serial", "port": "/dev/ttyUSB0", "baudRate": 19200},
 *  "options": {"feedbackPolarity": "SET_MEANS_LOCKED", "statusByteOrder": "LOW_CHANNEL_FIRST"}}
 * }</pre>
 */
public final class EndpointFields {

    private static final Set<String> SERIAL = Set.of("type", "port", "baudRate");
    private static final Set<String> TCP = Set.of("type", "host", "port");
    private static final Set<String> SIMULATED = Set.of("type", "bus");
    private static final Set<String> BIKEEP = Set.of("type", "locationId");
    private static final Set<String> OPTIONS = Set.of("feedbackPolarity", "statusByteOrder");
    private static final int MAX_ECHO = 64;

    private EndpointFields() {}

    /**
     * The endpoint of {@code fields}: {@code protocol}, {@code transport} and {@code boardAddress}
     * are required, {@code options} is optional. Other keys are the caller's (a name, a bank type)
     * and are ignored here.
     */
    public static BoardEndpoint endpoint(Map<String, ?> fields) {
        Protocol protocol = Protocol.requireId(string(fields.get("protocol"), "protocol"));
        if (protocol.isRemote()) {
            return remoteEndpoint(fields, protocol);
        }
        Transport transport = transport(fields.get("transport"), protocol);
        if (transport instanceof Transport.Bikeep) {
            throw new InvalidValueException(
                    "transport.type", "a bikeep transport needs protocol bikeep, not " + protocol.id());
        }
        int address = boardAddress(fields.get("boardAddress"), protocol);
        return new BoardEndpoint(protocol, transport, address, options(fields.get("options")));
    }

    /**
     * A Bikeep location: {@code {protocol: bikeep, transport: {type: bikeep, locationId}}}. It has
     * no board, so no board address and no protocol options; its devices decide its lockers.
     */
    private static BoardEndpoint remoteEndpoint(Map<String, ?> fields, Protocol protocol) {
        for (String boardOnly : new String[] {"boardAddress", "options"}) {
            if (fields.get(boardOnly) != null) {
                throw new InvalidValueException(
                        boardOnly, boardOnly + " does not apply to a " + protocol.id() + " location");
            }
        }
        Transport transport = transport(fields.get("transport"), protocol);
        if (!(transport instanceof Transport.Bikeep)) {
            throw new InvalidValueException(
                    "transport.type", "protocol " + protocol.id() + " needs transport type bikeep");
        }
        return new BoardEndpoint(protocol, transport, protocol.minAddress(), ProtocolOptions.DEFAULTS);
    }

    /**
     * The board moved: {@code transport} and {@code boardAddress} replace the current ones where
     * given ({@code null} keeps them); protocol and options stay, they are the board's own.
     */
    public static BoardEndpoint moved(BoardEndpoint current, Object transport, Object boardAddress) {
        Protocol protocol = current.protocol();
        return new BoardEndpoint(
                protocol,
                transport == null ? current.transport() : transport(transport, protocol),
                boardAddress == null ? current.boardAddress() : boardAddress(boardAddress, protocol),
                current.options());
    }

    /**
     * A failed board was swapped: the new board's {@code transport} and {@code boardAddress} are
     * both required; protocol and options stay the controller's.
     */
    public static BoardEndpoint replaced(BoardEndpoint current, Object transport, Object boardAddress) {
        Protocol protocol = current.protocol();
        return new BoardEndpoint(
                protocol, transport(transport, protocol), boardAddress(boardAddress, protocol), current.options());
    }

    /**
     * {@code {type: serial, port, baudRate}}, {@code {type: tcp, host, port}} or
     * {@code {type: simulated, bus}}, or {@code {type: bikeep, locationId}}. A serial line without {@code baudRate} gets the factory
     * setting of the protocol's boards; a simulated board without {@code bus} gets a bus of its own
     * ({@link Transport.Simulated#ownBus()}), named when the controller is stored.
     */
    public static Transport transport(Object value, Protocol protocol) {
        if (value == null) {
            throw new InvalidValueException("transport", "transport is required");
        }
        if (!(value instanceof Map<?, ?> node)) {
            throw new InvalidValueException("transport", "transport must be an object with a type");
        }
        Object type = node.get("type");
        if (type == null) {
            throw new InvalidValueException(
                    "transport.type", "transport.type is required: serial, tcp, simulated or bikeep");
        }
        String kind = string(type, "transport.type");
        Set<String> allowed = switch (kind) {
            case "serial" -> SERIAL;
            case "tcp" -> TCP;
            case "simulated" -> SIMULATED;
            case "bikeep" -> BIKEEP;
            default ->
                throw new InvalidValueException(
                        "transport.type",
                        "Unknown transport type '" + echo(kind) + "': use serial, tcp, simulated or bikeep");
        };
        onlyFields(node, allowed, "transport", " for a " + kind + " transport");
        String port = "transport.port";
        // The transport records check their own ranges (baud rate, TCP port), naming the field.
        return switch (kind) {
            case "serial" -> {
                Integer baud = integer(node.get("baudRate"), "transport.baudRate");
                yield new Transport.Serial(
                        required(string(node.get("port"), port), port),
                        baud != null ? baud : protocol.factoryBaudRate());
            }
            case "tcp" ->
                new Transport.Tcp(
                        required(string(node.get("host"), "transport.host"), "transport.host"),
                        required(integer(node.get("port"), port), port));
            case "bikeep" ->
                new Transport.Bikeep(
                        required(string(node.get("locationId"), "transport.locationId"), "transport.locationId"));
            default -> new Transport.Simulated(string(node.get("bus"), "transport.bus"));
        };
    }

    /** A whole number the protocol's boards can have as their address. */
    public static int boardAddress(Object value, Protocol protocol) {
        Integer address = required(integer(value, "boardAddress"), "boardAddress");
        return protocol.requireAddress(address);
    }

    /** {@code {feedbackPolarity, statusByteOrder}}, each optional; absent means the defaults. */
    public static ProtocolOptions options(Object value) {
        if (value == null) {
            return ProtocolOptions.DEFAULTS;
        }
        if (!(value instanceof Map<?, ?> node)) {
            throw new InvalidValueException("options", "options must be an object");
        }
        onlyFields(node, OPTIONS, "options", "");
        Object polarity = node.get("feedbackPolarity");
        Object order = node.get("statusByteOrder");
        return new ProtocolOptions(
                polarity == null
                        ? ProtocolOptions.DEFAULTS.feedbackPolarity()
                        : constant(
                                ProtocolOptions.FeedbackPolarity.class,
                                string(polarity, "options.feedbackPolarity"),
                                "options.feedbackPolarity"),
                order == null
                        ? ProtocolOptions.DEFAULTS.statusByteOrder()
                        : constant(
                                ProtocolOptions.StatusByteOrder.class,
                                string(order, "options.statusByteOrder"),
                                "options.statusByteOrder"));
    }

    private static <E extends Enum<E>> E constant(Class<E> type, String value, String field) {
        return Arrays.stream(type.getEnumConstants())
                .filter(c -> c.name().equals(value))
                .findFirst()
                .orElseThrow(() -> new InvalidValueException(
                        field,
                        field + " must be one of "
                                + Arrays.stream(type.getEnumConstants())
                                        .map(Enum::name)
                                        .collect(Collectors.joining(", "))));
    }

    private static void onlyFields(Map<?, ?> node, Set<String> allowed, String parent, String where) {
        for (Object name : node.keySet()) {
            if (!allowed.contains(name)) {
                String field = parent + "." + echo(String.valueOf(name));
                throw new InvalidValueException(field, "Unknown field '" + field + "'" + where);
            }
        }
    }

    private static String string(Object value, String field) {
        if (value == null || value instanceof String) {
            return (String) value;
        }
        throw new InvalidValueException(field, field + " must be a string");
    }

    private static Integer integer(Object value, String field) {
        if (value == null || value instanceof Integer) {
            return (Integer) value;
        }
        throw new InvalidValueException(field, field + " must be an integer");
    }

    private static <T> T required(T value, String field) {
        if (value == null) {
            throw new InvalidValueException(field, field + " is required");
        }
        return value;
    }

    /** A value repeated back in a message is cut: it is someone's typo, not something to echo whole. */
    private static String echo(String raw) {
        return raw.length() <= MAX_ECHO ? raw : raw.substring(0, MAX_ECHO) + "…";
    }
}
