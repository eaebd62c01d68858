package dev.harbor.app.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.harbor.app.testing.AdminHttp;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code HARBOR_LOG_FORMAT=json} in the gateway's own JVM, read as a log collector reads it: every
 * line of standard output parsed by a real JSON parser, from the first line to the last.
 */
class JsonLogsProcessTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration START = Duration.ofSeconds(90);
    private static final String BASIC = AdminHttp.basic("admin", "correct horse battery");
    /** The fields a line may have: the documented ones, and the MDC's. */
    private static final Set<String> FIELDS =
            Set.of("timestamp", "level", "logger", "thread", "message", "error", "requestId");

    @TempDir
    Path work;

    @Test
    void every_line_is_one_json_object_and_a_request_s_lines_carry_its_request_id() throws Exception {
        List<JsonNode> lines;
        try (GatewayProcess gateway = GatewayProcess.startIn(
                work,
                Map.of(
                        "HARBOR_LOG_FORMAT", "json",
                        "HARBOR_DATA_DIR", work.resolve("data").toString(),
                        "HARBOR_ADMIN_USERNAME", "admin",
                        "HARBOR_ADMIN_PASSWORD", "correct horse battery"))) {
            AdminHttp http = new AdminHttp(gateway.awaitPort(START));

            AdminHttp.Reply created =
                    http.send("POST", "/transactions", "{\"transactionId\": \"order-json\"}", "X-Request-Id", "jl-1");
            assertThat(created.status()).isEqualTo(201);
            assertThat(created.header("X-Request-Id")).isEqualTo("jl-1");
            AdminHttp.Reply missing = http.send("GET", "/transactions/none", null);
            assertThat(missing.status()).isEqualTo(404);
            assertThat(missing.header("X-Request-Id")).matches("[0-9a-f]{16}");

            // The in-memory log book behind GET /system/logs is fed whatever the console's format.
            List<String> book = http.send("GET", "/system/logs?limit=1000", null, "Authorization", BASIC)
                    .body()
                    .findValuesAsText("message");
            assertThat(book).anyMatch(m -> m.contains("transaction.create transaction order-json -> OK"));

            assertThat(gateway.stop(START)).as("stopped in order").isZero();
            lines = parsed(gateway.output());
        }

        assertThat(lines).hasSizeGreaterThan(2);
        for (JsonNode line : lines) {
            assertThat(fieldNames(line)).as(line.toString()).isSubsetOf(FIELDS);
            assertThat(line.path("timestamp").asText())
                    .as(line.toString())
                    .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
            assertThat(Instant.parse(line.get("timestamp").asText())).isBefore(Instant.now());
            assertThat(line.path("level").asText()).isIn("TRACE", "DEBUG", "INFO", "WARN", "ERROR");
            assertThat(line.path("logger").asText()).isNotBlank();
            assertThat(line.path("thread").asText()).isNotBlank();
            assertThat(line.path("message").isTextual()).as(line.toString()).isTrue();
        }
        assertThat(lines.get(0).path("message").asText())
                .as("the format holds from the first line")
                .startsWith("Starting with HarborConfig[");
        assertThat(lines)
                .filteredOn(line -> line.path("message").asText().contains("transaction.create transaction order-json"))
                .singleElement()
                .satisfies(audit -> {
                    assertThat(audit.path("requestId").asText()).isEqualTo("jl-1");
                    assertThat(audit.path("logger").asText()).isEqualTo("audit");
                    assertThat(audit.path("level").asText()).isEqualTo("INFO");
                });
        assertThat(lines)
                .filteredOn(line -> line.path("message").asText().contains(" listening on 127.0.0.1:"))
                .singleElement()
                .satisfies(listening -> assertThat(listening.has("requestId")).isFalse());
    }

    @Test
    void an_error_line_carries_its_stack_trace_and_a_failed_start_still_says_one_line_on_standard_error()
            throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
                GatewayProcess gateway = GatewayProcess.startIn(
                        work,
                        Map.of(
                                "HARBOR_LOG_FORMAT",
                                "JSON",
                                "HARBOR_LOG_LEVEL",
                                "DEBUG",
                                "HARBOR_DATA_DIR",
                                work.resolve("data").toString(),
                                "HARBOR_HTTP_PORT",
                                String.valueOf(taken.getLocalPort())))) {
            assertThat(gateway.awaitExit(START)).as("ended by itself").isTrue();

            assertThat(gateway.exitValue()).isEqualTo(4);
            assertThat(gateway.errors())
                    .singleElement()
                    .asString()
                    .startsWith("Harbor cannot listen on 127.0.0.1:" + taken.getLocalPort());
            List<JsonNode> lines = parsed(gateway.output());
            assertThat(lines)
                    .filteredOn(line -> line.path("message").asText().equals("The start failed"))
                    .singleElement()
                    .satisfies(failure -> {
                        assertThat(failure.path("level").asText()).isEqualTo("DEBUG");
                        assertThat(failure.path("error").isTextual()).isTrue();
                        assertThat(failure.path("error").asText())
                                .contains("Exception")
                                .contains("\n\tat dev.harbor.app.");
                    });
            assertThat(lines)
                    .filteredOn(line -> line.has("error"))
                    .allSatisfy(line -> assertThat(line.path("error").asText()).contains("\tat "));
        }
    }

    @Test
    void a_configuration_that_stops_the_start_still_logs_its_warnings_as_json() throws Exception {
        try (GatewayProcess gateway = GatewayProcess.startIn(
                work,
                Map.of(
                        "HARBOR_LOG_FORMAT", "json",
                        "HARBOR_HTTP_PORT", "eighty",
                        "HARBOR_HTTP_PROT", "8080",
                        "HARBOR_DATA_DIR", work.resolve("data").toString()))) {
            assertThat(gateway.awaitExit(START)).as("ended by itself").isTrue();

            assertThat(gateway.exitValue()).isEqualTo(2);
            assertThat(String.join("\n", gateway.errors())).contains("HARBOR_HTTP_PORT: not a whole number: eighty");
            assertThat(parsed(gateway.output()))
                    .anySatisfy(line -> assertThat(line.path("message").asText())
                            .contains("HARBOR_HTTP_PROT is set in the environment but is not a Harbor variable"));
        }
    }

    /** Every line parsed as one JSON object; a line that is not one fails the test, naming it. */
    private static List<JsonNode> parsed(List<String> output) {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : output) {
            try {
                JsonNode node = JSON.readTree(line);
                assertThat(node).as("not a JSON object: %s", line).isNotNull();
                assertThat(node.isObject()).as("not a JSON object: %s", line).isTrue();
                lines.add(node);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + line, e);
            }
        }
        return lines;
    }

    private static List<String> fieldNames(JsonNode line) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = line.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }
}
