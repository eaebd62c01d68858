package dev.harbor.app.layout;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.harbor.application.layout.Layout;
import dev.harbor.domain.controller.BoardEndpoint;
import dev.harbor.domain.controller.EndpointFields;
import dev.harbor.domain.controller.Protocol;
import dev.harbor.domain.rule.InvalidValueException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the layout file (JSON; format in the README): locker types, bank types and controllers.
 * Every problem is collected and reported at once, with the JSON path of the offending value.
 */
public final class LayoutFile {

    private static final ObjectMapper JSON =
            new ObjectMapper().enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
    private static final TypeReference<Map<String, Object>> PLAIN_OBJECT = new TypeReference<>() {};

    private final List<String> problems = new ArrayList<>();

    private LayoutFile() {}

    public static Layout read(Path file) {
        try {
            return parse(Files.readString(file));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read layout file " + file + ": " + e.getMessage(), e);
        }
    }

    public static Layout parse(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the layout file is not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("the layout file must hold a JSON object");
        }
        LayoutFile reader = new LayoutFile();
        Layout layout = reader.layout(root);
        if (!reader.problems.isEmpty()) {
            throw new IllegalArgumentException("the layout is invalid:\n  - " + String.join("\n  - ", reader.problems));
        }
        return layout;
    }

    private Layout layout(JsonNode root) {
        List<Layout.LockerTypeSpec> types = new ArrayList<>();
        each(
                root,
                "lockerTypes",
                (node, at) -> types.add(new Layout.LockerTypeSpec(
                        requiredText(node, "slug", at),
                        requiredText(node, "name", at),
                        optionalText(node, "description"),
                        optionalPositive(node, "widthMm", at),
                        optionalPositive(node, "heightMm", at),
                        optionalPositive(node, "depthMm", at))));
        List<Layout.BankTypeSpec> banks = new ArrayList<>();
        each(root, "bankTypes", (node, at) -> {
            List<String> lockers = new ArrayList<>();
            JsonNode list = node.get("lockers");
            if (list == null || !list.isArray()) {
                problems.add(at + ".lockers: an array of locker type slugs is required");
            } else {
                list.forEach(slug -> lockers.add(slug.asText()));
            }
            banks.add(new Layout.BankTypeSpec(
                    requiredText(node, "name", at),
                    optionalText(node, "description"),
                    node.path("isDebug").asBoolean(false),
                    lockers));
        });
        List<Layout.ControllerSpec> controllers = new ArrayList<>();
        each(root, "controllers", (node, at) -> {
            String name = requiredText(node, "name", at);
            // A Bikeep location's devices decide its lockers: it has no bank type.
            boolean remote = Protocol.fromId(node.path("protocol").asText(null))
                    .map(Protocol::isRemote)
                    .orElse(false);
            String bankType = remote ? optionalText(node, "bankType") : requiredText(node, "bankType", at);
            if (remote && bankType != null) {
                problems.add(at + ".bankType: a bikeep location has no bank type: its devices decide its lockers");
            }
            endpoint(node, at)
                    .ifPresent(endpoint -> controllers.add(new Layout.ControllerSpec(name, endpoint, bankType)));
        });
        return new Layout(types, banks, controllers);
    }

    /** The board's fields are the domain's to read; this file only says which controller they belong to. */
    private Optional<BoardEndpoint> endpoint(JsonNode node, String at) {
        try {
            return Optional.of(EndpointFields.endpoint(JSON.convertValue(node, PLAIN_OBJECT)));
        } catch (InvalidValueException e) {
            problems.add(at + ": " + e.getMessage() + " (" + at + "." + e.field() + ")");
            return Optional.empty();
        }
    }

    private interface Entry {
        void read(JsonNode node, String at);
    }

    private void each(JsonNode root, String field, Entry entry) {
        JsonNode list = root.get(field);
        if (list == null) {
            return;
        }
        if (!list.isArray()) {
            problems.add(field + ": must be an array");
            return;
        }
        for (int i = 0; i < list.size(); i++) {
            String at = field + "[" + i + "]";
            if (!list.get(i).isObject()) {
                problems.add(at + ": must be an object");
                continue;
            }
            entry.read(list.get(i), at);
        }
    }

    private String requiredText(JsonNode node, String field, String at) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            problems.add(at + "." + field + ": a non-empty string is required");
            return "";
        }
        return value.asText();
    }

    private static String optionalText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private Integer optionalPositive(JsonNode node, String field, String at) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.canConvertToInt() || value.asInt() <= 0) {
            problems.add(at + "." + field + ": must be a positive whole number");
            return null;
        }
        return value.asInt();
    }
}
