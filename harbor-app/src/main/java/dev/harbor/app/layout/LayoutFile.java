package dev.harbor.app.layout;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.harbor.app.config.ClosestName;
import dev.harbor.application.layout.Layout;
import dev.harbor.domain.controller.BoardEndpoint;
import dev.harbor.domain.controller.EndpointFields;
import dev.harbor.domain.controller.Protocol;
import dev.harbor.domain.rule.InvalidValueException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the layout file (JSON; format in the README): locker types, bank types and controllers.
 * Read strictly: a key the format does not have is an error at every level, because a misspelled
 * {@code boardAdress} would otherwise drive board 0 instead of board 4. Every problem is collected
 * and reported at once, each with its line, column and JSON path.
 */
public final class LayoutFile {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> PLAIN_OBJECT = new TypeReference<>() {};

    private static final Set<String> TOP = Set.of("lockerTypes", "bankTypes", "controllers");
    private static final Set<String> LOCKER_TYPE =
            Set.of("slug", "name", "description", "widthMm", "heightMm", "depthMm");
    private static final Set<String> BANK_TYPE = Set.of("name", "description", "isDebug", "lockers");
    // transport and options are checked, key by key, by the domain's EndpointFields.
    private static final Set<String> CONTROLLER =
            Set.of("name", "bankType", "protocol", "boardAddress", "transport", "options");

    /** @param at where it is, when not where {@code path} first appears (a repeated key); else null */
    private record Problem(String path, String message, JsonPositions.Position at) {}

    private final List<Problem> problems = new ArrayList<>();

    private LayoutFile() {}

    /** @throws InvalidLayoutException naming the file and every problem, also when it cannot be read */
    public static Layout read(Path file) {
        String source = "the layout file " + file;
        String json;
        try {
            json = Files.readString(file);
        } catch (IOException e) {
            throw new InvalidLayoutException(
                    source,
                    List.of("cannot be read (" + e.getClass().getSimpleName()
                            + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")"));
        }
        return parse(json, source);
    }

    /** @throws InvalidLayoutException listing every problem */
    public static Layout parse(String json) {
        return parse(json, "the layout");
    }

    private static Layout parse(String json, String source) {
        JsonPositions positions;
        try {
            positions = JsonPositions.of(json);
        } catch (JsonPositions.NotJson e) {
            throw new InvalidLayoutException(source, List.of(e.position() + ": not valid JSON: " + e.getMessage()));
        }
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            // JsonPositions has read the same text: this is only for a parser that disagrees with itself.
            throw new InvalidLayoutException(
                    source, List.of("not valid JSON: " + JsonPositions.plain(e.getOriginalMessage())));
        }
        if (root == null || !root.isObject()) {
            throw new InvalidLayoutException(source, List.of("must hold one JSON object ({ \"lockerTypes\": … })"));
        }
        LayoutFile reader = new LayoutFile();
        positions.repeated().entrySet().stream()
                .sorted(Map.Entry.comparingByValue(java.util.Comparator.comparingInt(JsonPositions.Position::line)
                        .thenComparingInt(JsonPositions.Position::column)))
                .forEach(repeat ->
                        reader.problems.add(new Problem(repeat.getKey(), "given twice; keep one", repeat.getValue())));
        Layout layout = reader.layout(root);
        if (reader.problems.isEmpty()) {
            // Names that must match across the file: checked now, so a start never opens the database for a layout it
            // will refuse.
            for (String problem : layout.problems()) {
                int colon = problem.indexOf(": ");
                reader.problem(
                        colon > 0 ? problem.substring(0, colon) : "",
                        colon > 0 ? problem.substring(colon + 2) : problem);
            }
        }
        if (!reader.problems.isEmpty()) {
            throw new InvalidLayoutException(
                    source,
                    reader.problems.stream().map(p -> located(p, positions)).toList());
        }
        return layout;
    }

    private static String located(Problem problem, JsonPositions positions) {
        String where = problem.path().isEmpty() ? "" : " (" + problem.path() + ")";
        return Optional.ofNullable(problem.at())
                .or(() -> positions.at(problem.path()))
                .map(position -> position + where + ": " + problem.message())
                .orElse((problem.path().isEmpty() ? "" : problem.path() + ": ") + problem.message());
    }

    private void problem(String path, String message) {
        problems.add(new Problem(path, message, null));
    }

    private Layout layout(JsonNode root) {
        onlyKeys(root, TOP, "");
        List<Layout.LockerTypeSpec> types = new ArrayList<>();
        each(root, "lockerTypes", (node, at) -> {
            onlyKeys(node, LOCKER_TYPE, at);
            types.add(new Layout.LockerTypeSpec(
                    requiredText(node, "slug", at),
                    requiredText(node, "name", at),
                    optionalText(node, "description", at),
                    optionalPositive(node, "widthMm", at),
                    optionalPositive(node, "heightMm", at),
                    optionalPositive(node, "depthMm", at)));
        });
        List<Layout.BankTypeSpec> banks = new ArrayList<>();
        each(root, "bankTypes", (node, at) -> {
            onlyKeys(node, BANK_TYPE, at);
            List<String> lockers = new ArrayList<>();
            JsonNode list = node.get("lockers");
            if (list == null || !list.isArray()) {
                problem(at + ".lockers", "an array of locker type slugs is required");
            } else {
                for (int i = 0; i < list.size(); i++) {
                    if (list.get(i).isTextual()) {
                        lockers.add(list.get(i).asText());
                    } else {
                        problem(at + ".lockers[" + i + "]", "must be a locker type slug (a string)");
                    }
                }
            }
            JsonNode debug = node.get("isDebug");
            if (debug != null && !debug.isBoolean() && !debug.isNull()) {
                problem(at + ".isDebug", "must be true or false");
            }
            banks.add(new Layout.BankTypeSpec(
                    requiredText(node, "name", at),
                    optionalText(node, "description", at),
                    debug != null && debug.asBoolean(false),
                    lockers));
        });
        List<Layout.ControllerSpec> controllers = new ArrayList<>();
        each(root, "controllers", (node, at) -> {
            onlyKeys(node, CONTROLLER, at);
            String name = requiredText(node, "name", at);
            // A Bikeep location's devices decide its lockers: it has no bank type.
            boolean remote = Protocol.fromId(node.path("protocol").asText(null))
                    .map(Protocol::isRemote)
                    .orElse(false);
            String bankType = remote ? optionalText(node, "bankType", at) : requiredText(node, "bankType", at);
            if (remote && bankType != null) {
                problem(at + ".bankType", "a bikeep location has no bank type: its devices decide its lockers");
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
            problem(at + "." + e.field(), e.getMessage());
            return Optional.empty();
        }
    }

    private void onlyKeys(JsonNode node, Set<String> allowed, String at) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                problem(
                        at.isEmpty() ? name : at + "." + name,
                        "unknown key"
                                + ClosestName.among(name, allowed)
                                        .map(known -> "; did you mean \"" + known + "\"?")
                                        .orElse("; known here: "
                                                + String.join(
                                                        ", ",
                                                        allowed.stream()
                                                                .sorted()
                                                                .toList())));
            }
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
            problem(field, "must be an array");
            return;
        }
        for (int i = 0; i < list.size(); i++) {
            String at = field + "[" + i + "]";
            if (!list.get(i).isObject()) {
                problem(at, "must be an object");
                continue;
            }
            entry.read(list.get(i), at);
        }
    }

    private String requiredText(JsonNode node, String field, String at) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            problem(at + "." + field, "a non-empty string is required");
            return "";
        }
        return value.asText();
    }

    private String optionalText(JsonNode node, String field, String at) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            problem(at + "." + field, "must be a string");
            return null;
        }
        return value.asText();
    }

    private Integer optionalPositive(JsonNode node, String field, String at) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.canConvertToInt() || !value.isIntegralNumber() || value.asInt() <= 0) {
            problem(at + "." + field, "must be a positive whole number");
            return null;
        }
        return value.asInt();
    }
}
