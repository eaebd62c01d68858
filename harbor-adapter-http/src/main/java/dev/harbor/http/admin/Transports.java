package dev.harbor.http.admin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.harbor.domain.controller.Protocol;
import dev.harbor.domain.controller.ProtocolOptions;
import dev.harbor.domain.controller.Transport;
import dev.harbor.http.internal.ApiError;
import dev.harbor.http.internal.Params;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Reads the request fields that name a board: protocol, transport, options. Every refusal is a 400. */
final class Transports {

    private static final Set<String> SERIAL = Set.of("type", "port", "baudRate");
    private static final Set<String> TCP = Set.of("type", "host", "port");
    private static final Set<String> SIMULATED = Set.of("type", "bus");

    private Transports() {}

    static Protocol protocol(String id) {
        if (id == null) {
            throw ApiError.invalidField("protocol", "protocol is required: one of " + protocolIds());
        }
        return Protocol.fromId(id)
                .orElseThrow(() -> ApiError.invalidField(
                        "protocol", "Unknown protocol '" + Params.echo(id) + "': use one of " + protocolIds()));
    }

    /**
     * {@code {type: serial, port, baudRate}}, {@code {type: tcp, host, port}} or
     * {@code {type: simulated, bus}}. A serial line without {@code baudRate} gets the factory
     * setting of the protocol's boards (Kerong 19200, xor8a 9600).
     */
    static Transport transport(JsonNode node, Protocol protocol) {
        if (node == null || node.isNull()) {
            throw ApiError.invalidField("transport", "transport is required");
        }
        if (!node.isObject()) {
            throw ApiError.invalidField("transport", "transport must be an object with a type");
        }
        String type = text(node, "type");
        if (type == null) {
            throw ApiError.invalidField("transport.type", "transport.type is required: serial, tcp or simulated");
        }
        try {
            return switch (type) {
                case "serial" -> {
                    onlyFields(node, SERIAL);
                    Integer baud = integer(node, "baudRate");
                    yield new Transport.Serial(
                            required(text(node, "port"), "transport.port"),
                            baud != null ? baud : defaultBaud(protocol));
                }
                case "tcp" -> {
                    onlyFields(node, TCP);
                    yield new Transport.Tcp(
                            required(text(node, "host"), "transport.host"),
                            required(integer(node, "port"), "transport.port"));
                }
                case "simulated" -> {
                    onlyFields(node, SIMULATED);
                    yield new Transport.Simulated(required(text(node, "bus"), "transport.bus"));
                }
                default ->
                    throw ApiError.invalidField(
                            "transport.type",
                            "Unknown transport type '" + Params.echo(type) + "': use serial, tcp or simulated");
            };
        } catch (IllegalArgumentException e) {
            throw ApiError.invalidField("transport", "Invalid transport: " + e.getMessage());
        }
    }

    static ProtocolOptions options(CreateControllerRequest.OptionsRequest options) {
        if (options == null) {
            return ProtocolOptions.DEFAULTS;
        }
        ProtocolOptions.FeedbackPolarity polarity = options.feedbackPolarity() == null
                ? ProtocolOptions.DEFAULTS.feedbackPolarity()
                : constant(
                        ProtocolOptions.FeedbackPolarity.class, options.feedbackPolarity(), "options.feedbackPolarity");
        ProtocolOptions.StatusByteOrder order = options.statusByteOrder() == null
                ? ProtocolOptions.DEFAULTS.statusByteOrder()
                : constant(ProtocolOptions.StatusByteOrder.class, options.statusByteOrder(), "options.statusByteOrder");
        return new ProtocolOptions(polarity, order);
    }

    static int boardAddress(Integer address, Protocol protocol) {
        if (address == null) {
            throw ApiError.invalidField("boardAddress", "boardAddress is required");
        }
        if (!protocol.acceptsAddress(address)) {
            throw ApiError.invalidField(
                    "boardAddress",
                    "Board address " + address + " is out of range " + protocol.minAddress() + "-"
                            + protocol.maxAddress() + " for " + protocol.id());
        }
        return address;
    }

    /** Kerong boards leave the factory at 19200 baud, the xor8a family at 9600 (hardware.md). */
    private static int defaultBaud(Protocol protocol) {
        return protocol == Protocol.XOR8A ? 9600 : 19_200;
    }

    private static <E extends Enum<E>> E constant(Class<E> type, String value, String field) {
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw ApiError.invalidField(
                    field,
                    field + " must be one of "
                            + Arrays.stream(type.getEnumConstants())
                                    .map(Enum::name)
                                    .collect(Collectors.joining(", ")));
        }
    }

    private static void onlyFields(JsonNode node, Set<String> allowed) {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!allowed.contains(name)) {
                String field = "transport." + Params.echo(name);
                throw ApiError.invalidField(
                        field,
                        "Unknown field '" + field + "' for a "
                                + node.get("type").asText() + " transport");
            }
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw ApiError.invalidField("transport." + field, "transport." + field + " must be a string");
        }
        return value.asText();
    }

    private static Integer integer(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isInt()) {
            throw ApiError.invalidField("transport." + field, "transport." + field + " must be an integer");
        }
        return value.intValue();
    }

    private static <T> T required(T value, String field) {
        if (value == null) {
            throw ApiError.invalidField(field, field + " is required");
        }
        return value;
    }

    private static String protocolIds() {
        return Arrays.stream(Protocol.values()).map(Protocol::id).collect(Collectors.joining(", "));
    }

    static Optional<JsonNode> present(JsonNode node) {
        return node == null || node.isNull() ? Optional.empty() : Optional.of(node);
    }
}
