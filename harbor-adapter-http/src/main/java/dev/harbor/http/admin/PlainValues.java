package dev.harbor.http.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A request's JSON subtree as the plain values the domain's readers take (maps, strings, numbers):
 * the domain decides what a board's endpoint may hold, the adapter only lets go of JSON.
 */
final class PlainValues {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private PlainValues() {}

    /** {@code null} for an absent or JSON {@code null} value. */
    static Object of(JsonNode node) {
        return node == null || node.isNull() ? null : MAPPER.convertValue(node, Object.class);
    }
}
