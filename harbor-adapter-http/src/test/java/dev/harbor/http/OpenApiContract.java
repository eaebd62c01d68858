package dev.harbor.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The OpenAPI document as a test oracle: finds the documented response for a method, path and
 * status, and validates a body against its schema with a JSON Schema 2020-12 validator.
 */
final class OpenApiContract {

    static final OpenApiContract INSTANCE = new OpenApiContract();

    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

    final JsonNode document;
    private final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private final SchemaValidatorsConfig config =
            SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
    private final Map<String, JsonSchema> schemas = new ConcurrentHashMap<>();

    private OpenApiContract() {
        try (InputStream in = OpenApiContract.class.getResourceAsStream(HttpApi.OPENAPI_RESOURCE)) {
            document = new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every documented operation as {@code "METHOD /path/{param}"}. */
    /** The error codes the {@code Error} schema's description lists ({@code "INVALID_REQUEST (400), …"}). */
    List<String> errorCodes() {
        String description = document.at("/components/schemas/Error/properties/error/description")
                .asText();
        return java.util.regex.Pattern.compile("\\b([A-Z]{2,}(?:_[A-Z]+)*)(?= \\(|,)")
                .matcher(description)
                .results()
                .map(match -> match.group(1))
                .toList();
    }

    List<String> operations() {
        List<String> operations = new ArrayList<>();
        document.get("paths")
                .fields()
                .forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method -> {
                    if (METHODS.contains(method)) {
                        operations.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey());
                    }
                }));
        operations.sort(null);
        return operations;
    }

    JsonNode operation(String operation) {
        String[] parts = operation.split(" ", 2);
        return document.get("paths").get(parts[1]).get(parts[0].toLowerCase(Locale.ROOT));
    }

    /** The documented path template that a concrete path matches, if any. */
    Optional<String> template(String path) {
        Iterator<String> templates = document.get("paths").fieldNames();
        while (templates.hasNext()) {
            String template = templates.next();
            String regex = "\\Q" + template.replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q") + "\\E";
            if (Pattern.matches(regex, path)) {
                if (!template.contains("{")) {
                    return Optional.of(template);
                }
                // A fixed path such as /lockers/config wins over /lockers/{lockerId}.
                if (document.get("paths").has(path)) {
                    return Optional.of(path);
                }
                return Optional.of(template);
            }
        }
        return Optional.empty();
    }

    /**
     * Checks one answer: status documented for the operation (or the Error schema when no
     * operation matches, as for unknown routes and wrong methods), and the body valid.
     *
     * @return a list of problems, empty when the answer conforms
     */
    List<String> check(String method, String path, int status, String contentType, String body) {
        String pointer = responsePointer(method, path, status);
        JsonNode response = resolve(pointer);
        JsonNode content = response.path("content").path("application/json");
        List<String> problems = new ArrayList<>();
        String mediaType = contentType == null ? "" : contentType.split(";")[0].trim();
        if (!mediaType.equals("application/json") && response.path("content").has(mediaType)) {
            // A page, script or style sheet of the admin console: its type is what is documented.
            if (body.isEmpty()) {
                problems.add("documented with a " + mediaType + " body, but got none");
            }
            return problems;
        }
        if (content.isMissingNode()) {
            if (!body.isEmpty()) {
                problems.add("documented without a body, but got: " + body);
            }
            return problems;
        }
        if (contentType == null || !contentType.startsWith("application/json")) {
            problems.add("content type " + contentType + " is not application/json");
        }
        String schemaPointer = location(pointer, response) + "/content/application~1json/schema";
        JsonSchema schema = schemas.computeIfAbsent(schemaPointer, this::schemaAt);
        try {
            for (ValidationMessage message : schema.validate(new ObjectMapper().readTree(body))) {
                problems.add(message.getMessage());
            }
        } catch (IOException e) {
            problems.add("not JSON: " + body);
        }
        return problems;
    }

    private String responsePointer(String method, String path, int status) {
        Optional<String> template = template(path);
        String methodKey = method.toLowerCase(Locale.ROOT);
        if (template.isEmpty() || !document.get("paths").get(template.get()).has(methodKey)) {
            return "#/components/responses/Error";
        }
        JsonNode responses =
                document.get("paths").get(template.get()).get(methodKey).get("responses");
        String base = "#/paths/" + escape(template.get()) + "/" + methodKey + "/responses/";
        if (responses.has(Integer.toString(status))) {
            return base + status;
        }
        if (status >= 400 && responses.has("default")) {
            return base + "default";
        }
        throw new AssertionError(method + " " + path + " answered " + status + ", which is not documented");
    }

    /** Follows a response {@code $ref} to the node that holds the content. */
    private JsonNode resolve(String pointer) {
        JsonNode node = document.at(pointer.substring(1));
        while (node.has("$ref")) {
            node = document.at(node.get("$ref").asText().substring(1));
        }
        return node;
    }

    private String location(String pointer, JsonNode response) {
        JsonNode node = document.at(pointer.substring(1));
        String location = pointer;
        while (node.has("$ref")) {
            location = node.get("$ref").asText();
            node = document.at(location.substring(1));
        }
        return location;
    }

    private JsonSchema schemaAt(String pointer) {
        // The whole document is the schema resource, so "#/components/schemas/…" resolves.
        ObjectNode root = document.deepCopy();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.put("$ref", pointer);
        return factory.getSchema(URI.create("urn:harbor:openapi"), root, config);
    }

    private static String escape(String path) {
        return path.replace("~", "~0").replace("/", "~1");
    }
}
