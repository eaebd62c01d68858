package dev.harbor.bikeep.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Bikeep's snake_case JSON to the client's records and back, read field by field so that a field
 * Bikeep adds or leaves out does not fail a call.
 */
final class BikeepJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private BikeepJson() {}

    public static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return JsonNodeFactory.instance.nullNode();
        }
        try {
            return MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            return JsonNodeFactory.instance.nullNode();
        }
    }

    public static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }

    public static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    /** A list answer: {@code {"data": [...]}} (Bikeep's envelope) or a bare array. */
    public static <T> List<T> list(JsonNode answer, Function<JsonNode, T> item) {
        JsonNode array = answer.isArray() ? answer : answer.path("data");
        List<T> result = new ArrayList<>();
        for (JsonNode node : array) {
            result.add(item.apply(node));
        }
        return List.copyOf(result);
    }

    /** A single-object answer, bare or inside {@code {"data": {...}}}. */
    public static JsonNode single(JsonNode answer) {
        JsonNode data = answer.path("data");
        return data.isObject() ? data : answer;
    }

    public static Location location(JsonNode node) {
        JsonNode devices = node.path("devices");
        return new Location(
                text(node, "id"),
                text(node, "type"),
                text(node, "label"),
                text(node, "name"),
                text(node, "status"),
                text(node, "connection"),
                text(node, "address"),
                new Location.DeviceCounts(
                        devices.path("total").asInt(0),
                        devices.path("available").asInt(0),
                        devices.path("online").asInt(0)));
    }

    public static Device device(JsonNode node) {
        JsonNode state = node.path("state");
        JsonNode heartbeat = node.path("heartbeat_v2");
        Device.Heartbeat health = heartbeat.isObject()
                ? new Device.Heartbeat(text(heartbeat, "health"), instant(heartbeat, "dead_since"))
                : new Device.Heartbeat(text(node, "heartbeat_health"), null);
        return new Device(
                text(node, "id"),
                text(node, "type"),
                text(node, "alias"),
                text(node, "code"),
                new Device.DeviceState(
                        text(state, "value"), instant(state, "changed_at"), instant(state, "timeout_at")),
                text(node, "hardware_state"),
                health);
    }

    public static CommandRecord command(JsonNode node) {
        JsonNode state = node.path("state");
        List<CommandRecord.CommandEvent> events = new ArrayList<>();
        for (JsonNode event : node.path("events")) {
            events.add(new CommandRecord.CommandEvent(
                    text(event, "name"), text(event, "value"), instant(event, "timestamp")));
        }
        return new CommandRecord(
                text(node, "id"),
                text(node, "name"),
                text(node.path("device"), "id"),
                new CommandRecord.CommandState(
                        text(state, "value"), text(state, "reason"), instant(state, "timeout_at")),
                events);
    }

    public static Whitelist whitelist(JsonNode node) {
        return new Whitelist(text(node, "id"), text(node, "name"), text(node, "description"));
    }

    public static WhitelistEntity entity(JsonNode node) {
        String idType = text(node, "id_type");
        return new WhitelistEntity(
                text(node, "id"),
                idType == null ? "rfid" : idType,
                text(node, "status"),
                instant(node, "expires_at"),
                text(node, "comment"));
    }

    /** An ADD item: every field Bikeep knows. */
    public static ObjectNode entityToAdd(WhitelistEntity entity) {
        ObjectNode node = object().put("id", entity.id()).put("id_type", entity.idType());
        if (entity.status() != null) {
            node.put("status", entity.status());
        }
        if (entity.expiresAt() != null) {
            node.put("expires_at", entity.expiresAt().toString());
        }
        if (entity.comment() != null) {
            node.put("comment", entity.comment());
        }
        return node;
    }

    /** A REMOVE item: only the id and its type, as Bikeep asks. */
    public static ObjectNode entityToRemove(String id, String idType) {
        return object().put("id", id).put("id_type", idType);
    }

    public static ArrayNode array() {
        return JsonNodeFactory.instance.arrayNode();
    }

    /** The id of an {@code error_results} item, wherever Bikeep put it. */
    public static String failedId(JsonNode item) {
        for (JsonNode candidate : List.of(item.path("id"), item.path("entity").path("id"), item.path("entity_id"))) {
            if (candidate.isTextual()) {
                return candidate.asText();
            }
        }
        return null;
    }

    /** The message of an {@code error_results} item, wherever Bikeep put it. */
    public static String failedMessage(JsonNode item) {
        for (String field : List.of("error_message", "message", "error", "reason")) {
            String text = text(item, field);
            if (text != null) {
                return text;
            }
        }
        return "";
    }

    public static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isValueNode() && !value.isNull() ? value.asText() : null;
    }

    static Instant instant(JsonNode node, String field) {
        String text = text(node, field);
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
