package dev.harbor.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.harbor.application.auth.AdminAuthentication;
import dev.harbor.application.auth.AdminAuthentication.AuthResult;
import dev.harbor.application.controller.DiscoverControllers;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Admin-only routes: the document's secured operations are exactly the ones that refuse strangers. */
class AdminAuthTest extends ApiTest {

    private static final Map<String, String> SAMPLE_PATHS = Map.of(
            "/lockers/{lockerId}", "/lockers/1",
            "/controllers/{controllerId}", "/controllers/1",
            "/controllers/{controllerId}/replace", "/controllers/1/replace",
            "/controllers/{controllerId}/locker-count", "/controllers/1/locker-count",
            "/bikeep/locations/{locationId}/allowlists", "/bikeep/locations/" + FakeAllowlists.LOCATION + "/allowlists",
            "/bikeep/allowlists/{allowlistId}/cards", "/bikeep/allowlists/" + FakeAllowlists.ALLOWLIST + "/cards");
    private static final Map<String, String> SAMPLE_BODIES = Map.of(
            "PATCH /lockers/{lockerId}", "{\"outOfService\": false}",
            "PATCH /system", "{}",
            "POST /controllers",
                    "{\"name\":\"Tower C\",\"protocol\":\"kerong-cu16\","
                            + "\"transport\":{\"type\":\"simulated\",\"bus\":\"b\"},\"boardAddress\":3,\"lockerCount\":4}",
            "PATCH /controllers/{controllerId}", "{\"name\":\"Renamed\"}",
            "POST /controllers/{controllerId}/replace",
                    "{\"transport\":{\"type\":\"simulated\",\"bus\":\"new\"},\"boardAddress\":0}",
            "PATCH /controllers/{controllerId}/locker-count", "{\"lockerCount\":3}",
            "POST /bikeep/allowlists/{allowlistId}/cards", "{\"operation\":\"ADD\",\"cards\":[{\"cardId\":\"04a2\"}]}");
    private static final String[] BASIC = {"Authorization", ApiClient.ADMIN_BASIC};
    private static final String[] TOKEN = {"X-Session-Token", "valid-token"};

    @BeforeEach
    void everythingSucceeds() {
        admin.scanResult = new DiscoverControllers.ScanResult.Scanned(List.of(), List.of(), List.of());
        admin.reporting = true;
    }

    @Test
    void every_secured_operation_is_401_without_credentials_and_asks_for_basic_auth() {
        List<String> secured = securedOperations();
        assertThat(secured)
                .contains(
                        "POST /lockers/open-all",
                        "PATCH /lockers/{lockerId}",
                        "PATCH /system",
                        "GET /system/logs",
                        "POST /auth/login",
                        "POST /auth/logout",
                        "GET /controllers",
                        "POST /controllers",
                        "POST /controllers/scan",
                        "GET /controllers/{controllerId}",
                        "PATCH /controllers/{controllerId}",
                        "DELETE /controllers/{controllerId}",
                        "POST /controllers/{controllerId}/replace",
                        "PATCH /controllers/{controllerId}/locker-count",
                        "POST /system/network/refresh",
                        "POST /system/reboot",
                        "POST /system/backup",
                        "POST /diagnostics/sentry-test",
                        "GET /bikeep/locations",
                        "GET /bikeep/locations/{locationId}/allowlists",
                        "GET /bikeep/allowlists/{allowlistId}/cards",
                        "POST /bikeep/allowlists/{allowlistId}/cards");
        for (String operation : secured) {
            ApiClient.Reply reply = call(operation, new String[0]).error(401, "UNAUTHORIZED");
            assertThat(reply.header("WWW-Authenticate")).as(operation).isEqualTo("Basic realm=\"harbor\"");
        }
        assertThat(admin.lastActor).isNull();
        assertThat(admin.reboots).isZero();
        assertThat(admin.backups).isZero();
    }

    @Test
    void every_secured_operation_is_401_with_wrong_credentials() {
        for (String operation : securedOperations()) {
            call(operation, new String[] {"Authorization", "Basic YWRtaW46d3Jvbmc="})
                    .error(401, "UNAUTHORIZED");
            call(operation, new String[] {"X-Session-Token", "stolen"}).error(401, "UNAUTHORIZED");
        }
        assertThat(admin.lastActor).isNull();
    }

    @Test
    void every_secured_operation_succeeds_with_each_credential_its_document_names() {
        List<String> operations = new ArrayList<>(securedOperations());
        operations.remove("POST /auth/logout");
        operations.add("POST /auth/logout"); // last: it ends the session the others use
        for (String operation : operations) {
            for (JsonNode scheme : OpenApiContract.INSTANCE.operation(operation).get("security")) {
                String[] credentials = scheme.has("basicAuth") ? BASIC : TOKEN;
                int status = call(operation, credentials).status();
                assertThat(status).as(operation + " with " + scheme).isBetween(200, 299);
            }
        }
    }

    @Test
    void malformed_basic_credentials_and_other_schemes_are_401() {
        client.send("GET", "/controllers", HttpRequest.BodyPublishers.noBody(), "Authorization", "Basic %%%")
                .error(401, "UNAUTHORIZED");
        client.send(
                        "GET",
                        "/controllers",
                        HttpRequest.BodyPublishers.noBody(),
                        "Authorization",
                        "Basic " + Base64.getEncoder().encodeToString("no-colon".getBytes(StandardCharsets.UTF_8)))
                .error(401, "UNAUTHORIZED");
        client.send("GET", "/controllers", HttpRequest.BodyPublishers.noBody(), "Authorization", "Bearer abc")
                .error(401, "UNAUTHORIZED");
        assertThat(admin.checked).isEmpty();
    }

    @Test
    void a_throttled_client_gets_429_with_retry_after_in_whole_seconds() {
        admin.authOverride = new AuthResult.Throttled(Duration.ofMillis(4_200));

        ApiClient.Reply reply = client.send("GET", "/controllers", HttpRequest.BodyPublishers.noBody(), BASIC)
                .error(429, "TOO_MANY_REQUESTS");

        assertThat(reply.header("Retry-After")).isEqualTo("5");
        assertThat(reply.json().at("/details/retryAfterSeconds").asText()).isEqualTo("5");
    }

    @Test
    void without_an_admin_user_the_401_says_how_to_configure_one() {
        admin.authOverride = new AuthResult.NotConfigured();

        ApiClient.Reply reply = client.send("GET", "/controllers", HttpRequest.BodyPublishers.noBody(), BASIC)
                .error(401, "UNAUTHORIZED");

        assertThat(reply.json().get("message").asText())
                .contains("HARBOR_ADMIN_USERNAME", "HARBOR_ADMIN_PASSWORD")
                .isEqualTo(AdminAuthentication.NOT_CONFIGURED_MESSAGE);
        assertThat(reply.header("WWW-Authenticate")).isEqualTo("Basic realm=\"harbor\"");
    }

    @Test
    void a_rejected_credential_answers_the_same_whoever_the_username_is() {
        String unknownUser = Base64.getEncoder().encodeToString("nobody:s3cret".getBytes(StandardCharsets.UTF_8));
        String wrongPassword = Base64.getEncoder().encodeToString("admin:wrong".getBytes(StandardCharsets.UTF_8));

        JsonNode first = client.send(
                        "GET",
                        "/controllers",
                        HttpRequest.BodyPublishers.noBody(),
                        "Authorization",
                        "Basic " + unknownUser)
                .error(401, "UNAUTHORIZED")
                .json();
        JsonNode second = client.send(
                        "GET",
                        "/controllers",
                        HttpRequest.BodyPublishers.noBody(),
                        "Authorization",
                        "Basic " + wrongPassword)
                .error(401, "UNAUTHORIZED")
                .json();

        assertThat(first.get("message")).isEqualTo(second.get("message"));
        assertThat(first.get("details")).isEqualTo(second.get("details"));
    }

    @Test
    void credentials_never_appear_in_an_error_body() {
        String basic = Base64.getEncoder().encodeToString("admin:hunter2-secret".getBytes(StandardCharsets.UTF_8));
        String body = client.send(
                        "GET", "/controllers", HttpRequest.BodyPublishers.noBody(), "Authorization", "Basic " + basic)
                .error(401, "UNAUTHORIZED")
                .body();
        String tokenBody = client.send(
                        "GET",
                        "/controllers",
                        HttpRequest.BodyPublishers.noBody(),
                        "X-Session-Token",
                        "stolen-token-xyz")
                .error(401, "UNAUTHORIZED")
                .body();

        assertThat(body).doesNotContain("hunter2-secret", basic);
        assertThat(tokenBody).doesNotContain("stolen-token-xyz");
    }

    @Test
    void the_client_is_told_apart_by_its_remote_address() {
        client.send(
                "GET",
                "/controllers",
                HttpRequest.BodyPublishers.noBody(),
                "Authorization",
                ApiClient.ADMIN_BASIC,
                "X-Forwarded-For",
                "10.9.9.9");

        assertThat(admin.clientKeys).containsOnly("127.0.0.1");
    }

    @Test
    void credentials_are_checked_before_the_body_is_read() {
        client.send(
                        "PATCH",
                        "/lockers/1",
                        HttpRequest.BodyPublishers.ofString("{not json"),
                        "Content-Type",
                        "application/json")
                .error(401, "UNAUTHORIZED");
    }

    @Test
    void a_call_without_credentials_to_a_gateway_with_no_admin_is_told_which_settings_create_one() {
        HttpApi locked = HttpApi.builder(gateway.useCases()).build();
        ApiClient other = new ApiClient(locked.start("127.0.0.1", 0));
        try {
            ApiClient.Reply reply = other.send("POST", "/lockers/open-all", HttpRequest.BodyPublishers.noBody())
                    .error(401, "UNAUTHORIZED");
            assertThat(reply.json().get("message").asText())
                    .contains("HARBOR_ADMIN_USERNAME")
                    .contains("HARBOR_ADMIN_PASSWORD");
        } finally {
            locked.stop();
        }
        ApiClient.Reply configured = client.send("POST", "/lockers/open-all", HttpRequest.BodyPublishers.noBody())
                .error(401, "UNAUTHORIZED");
        assertThat(configured.json().get("message").asText()).doesNotContain("HARBOR_ADMIN_USERNAME");
    }

    @Test
    void by_default_nobody_gets_in_and_the_answer_says_no_admin_is_configured() {
        HttpApi locked = HttpApi.builder(gateway.useCases()).build();
        ApiClient other = new ApiClient(locked.start("127.0.0.1", 0));
        try {
            ApiClient.Reply reply = other.adminPost("/lockers/open-all").error(401, "UNAUTHORIZED");
            assertThat(reply.json().get("message").asText()).contains("HARBOR_ADMIN_USERNAME");
            other.send("POST", "/auth/login", HttpRequest.BodyPublishers.noBody(), BASIC)
                    .error(401, "UNAUTHORIZED");
        } finally {
            locked.stop();
        }
    }

    @Test
    void public_operations_need_no_credentials() {
        for (String operation : OpenApiContract.INSTANCE.operations()) {
            JsonNode security = OpenApiContract.INSTANCE.operation(operation).get("security");
            if (!needsCredentials(security) && operation.startsWith("GET ") && !operation.contains("{")) {
                assertThat(client.get(operation.substring(4)).status())
                        .as(operation)
                        .isIn(200, 503);
            }
        }
    }

    private ApiClient.Reply call(String operation, String[] credentials) {
        String method = operation.substring(0, operation.indexOf(' '));
        String template = operation.substring(operation.indexOf(' ') + 1);
        String path = SAMPLE_PATHS.getOrDefault(template, template);
        String body = SAMPLE_BODIES.get(operation);
        List<String> headers = new ArrayList<>(List.of(credentials));
        if (body != null) {
            headers.add("Content-Type");
            headers.add("application/json");
        }
        return client.send(
                method,
                path,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body),
                headers.toArray(String[]::new));
    }

    static List<String> securedOperations() {
        List<String> secured = new ArrayList<>();
        for (String operation : OpenApiContract.INSTANCE.operations()) {
            JsonNode security = OpenApiContract.INSTANCE.operation(operation).get("security");
            if (needsCredentials(security)) {
                secured.add(operation);
            }
        }
        return secured;
    }

    /**
     * Whether the document says the operation always needs admin credentials. An empty requirement
     * among the alternatives makes them optional: the Local API's client keys, needed only when
     * configured (and this server has none).
     */
    static boolean needsCredentials(JsonNode security) {
        if (security == null || security.isEmpty()) {
            return false;
        }
        for (JsonNode requirement : security) {
            if (requirement.isEmpty()) {
                return false;
            }
        }
        return true;
    }
}
