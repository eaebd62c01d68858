package dev.harbor.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Admin-only routes: the document's secured operations are exactly the ones that refuse strangers. */
class AdminAuthTest extends ApiTest {

    private static final Map<String, String> SAMPLE_PATHS = Map.of(
            "/lockers/{lockerId}", "/lockers/1");
    private static final Map<String, String> SAMPLE_BODIES = Map.of(
            "PATCH /lockers/{lockerId}", "{\"outOfService\": false}",
            "PATCH /system", "{}");

    @Test
    void every_secured_operation_is_401_without_credentials_and_asks_for_basic_auth() {
        List<String> secured = securedOperations();
        assertThat(secured).containsExactlyInAnyOrder("POST /lockers/open-all", "PATCH /lockers/{lockerId}",
                "PATCH /system");
        for (String operation : secured) {
            ApiClient.Reply reply = call(operation, new String[0]).error(401, "UNAUTHORIZED");
            assertThat(reply.header("WWW-Authenticate")).isEqualTo("Basic realm=\"harbor\"");
        }
    }

    @Test
    void every_secured_operation_is_401_with_wrong_credentials() {
        for (String operation : securedOperations()) {
            call(operation, new String[] {"Authorization", "Basic YWRtaW46d3Jvbmc="}).error(401, "UNAUTHORIZED");
            call(operation, new String[] {"X-Session-Token", "stolen"}).error(401, "UNAUTHORIZED");
        }
    }

    @Test
    void every_secured_operation_succeeds_with_basic_credentials_or_a_session_token() {
        for (String operation : securedOperations()) {
            assertThat(call(operation, new String[] {"Authorization", ApiClient.ADMIN_BASIC}).status()).isEqualTo(200);
            assertThat(call(operation, new String[] {"X-Session-Token", "valid-token"}).status()).isEqualTo(200);
        }
    }

    @Test
    void credentials_are_checked_before_the_body_is_read() {
        client.send("PATCH", "/lockers/1", HttpRequest.BodyPublishers.ofString("{not json"),
                "Content-Type", "application/json").error(401, "UNAUTHORIZED");
    }

    @Test
    void the_default_authenticator_lets_nobody_in() {
        HttpApi locked = HttpApi.builder(gateway.useCases()).build();
        ApiClient other = new ApiClient(locked.start("127.0.0.1", 0));
        try {
            other.adminPost("/lockers/open-all").error(401, "UNAUTHORIZED");
        } finally {
            locked.stop();
        }
    }

    @Test
    void public_operations_need_no_credentials() {
        for (String operation : OpenApiContract.INSTANCE.operations()) {
            JsonNode security = OpenApiContract.INSTANCE.operation(operation).get("security");
            if (security == null && operation.startsWith("GET ") && !operation.contains("{")) {
                assertThat(client.get(operation.substring(4)).status()).as(operation).isIn(200, 503);
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
        return client.send(method, path, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body), headers.toArray(String[]::new));
    }

    private static List<String> securedOperations() {
        List<String> secured = new ArrayList<>();
        for (String operation : OpenApiContract.INSTANCE.operations()) {
            JsonNode security = OpenApiContract.INSTANCE.operation(operation).get("security");
            if (security != null && !security.isEmpty()) {
                secured.add(operation);
            }
        }
        return secured;
    }
}
