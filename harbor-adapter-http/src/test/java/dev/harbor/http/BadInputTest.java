package dev.harbor.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;

/** Whatever a client sends, the answer is a documented status with an Error body. */
class BadInputTest extends ApiTest {

    @Test
    void malformed_json_is_an_invalid_request() {
        client.post("/transactions", "{\"transactionId\": ").error(400, "INVALID_REQUEST");
        client.post("/transactions", "not json at all").error(400, "INVALID_REQUEST");
        client.post("/transactions", "{\"transactionId\": \"a\"} trailing").error(400, "INVALID_REQUEST");
    }

    @Test
    void a_body_that_is_not_an_object_is_an_invalid_request() {
        client.post("/transactions", "[]").error(400, "INVALID_REQUEST");
        client.post("/transactions", "\"order-1\"").error(400, "INVALID_REQUEST");
        client.post("/transactions", "null").error(400, "INVALID_REQUEST");
        client.post("/transactions", "").error(400, "INVALID_REQUEST");
    }

    @Test
    void wrong_types_are_invalid_requests_naming_the_field() {
        ApiClient.Reply reply =
                client.post("/transactions", "{\"transactionId\": 42}").error(400, "INVALID_REQUEST");
        assertThat(reply.json().at("/details/field").asText()).isEqualTo("transactionId");
        client.adminPatch("/lockers/1", "{\"outOfService\": \"true\", \"reasonCode\": \"MAINTENANCE\"}")
                .error(400, "INVALID_REQUEST");
        client.adminPatch("/lockers/1", "{\"outOfService\": 1, \"reasonCode\": \"MAINTENANCE\"}")
                .error(400, "INVALID_REQUEST");
        client.adminPatch("/system", "{\"doorOpenPolicy\": {\"maxAttempts\": \"3\"}}")
                .error(400, "INVALID_REQUEST");
        client.adminPatch("/system", "{\"doorOpenPolicy\": {\"maxAttempts\": 2.5}}")
                .error(400, "INVALID_REQUEST");
        client.post("/system/heartbeat", "{\"deviceId\": [\"kiosk-1\"]}").error(400, "INVALID_REQUEST");
    }

    @Test
    void missing_fields_are_invalid_requests() {
        client.post("/transactions", "{}").error(400, "INVALID_REQUEST");
        client.adminPatch("/lockers/1", "{\"reasonCode\": \"MAINTENANCE\"}").error(400, "INVALID_REQUEST");
        client.adminPatch("/lockers/1", "{\"outOfService\": true}").error(400, "INVALID_REQUEST");
        client.post("/system/heartbeat", "{\"deviceType\": \"KIOSK\"}").error(400, "INVALID_REQUEST");
    }

    @Test
    void unknown_fields_are_invalid_requests() {
        ApiClient.Reply reply = client.post("/transactions", "{\"transactionId\": \"a\", \"lockerID\": 3}")
                .error(400, "INVALID_REQUEST");
        assertThat(reply.json().at("/details/field").asText()).isEqualTo("lockerID");
    }

    @Test
    void unknown_enum_values_are_invalid_requests() {
        client.adminPatch("/lockers/1", "{\"outOfService\": true, \"reasonCode\": \"BORED\"}")
                .error(400, "INVALID_REQUEST");
        client.adminPatch("/system", "{\"logLevel\": \"LOUD\"}").error(400, "INVALID_REQUEST");
        client.adminGet("/system/logs?level=LOUD").error(400, "INVALID_REQUEST");
    }

    @Test
    void a_body_over_64_KiB_is_refused_as_too_large() {
        String big = "{\"transactionId\": \"a\", \"lockerType\": \"" + "x".repeat(70 * 1024) + "\"}";
        client.post("/transactions", big).error(413, "PAYLOAD_TOO_LARGE");
        assertThat(gateway.transactions).isEmpty();
    }

    @Test
    void a_streamed_body_over_64_KiB_without_a_length_is_refused_as_too_large() {
        byte[] big = ("{\"deviceId\": \"k\", \"status\": \"" + "x".repeat(70 * 1024) + "\"}").getBytes();
        HttpRequest.BodyPublisher chunked =
                HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big));
        client.send("POST", "/system/heartbeat", chunked, "Content-Type", "application/json")
                .error(413, "PAYLOAD_TOO_LARGE");
    }

    @Test
    void a_body_of_another_content_type_is_unsupported() {
        client.send(
                        "POST",
                        "/transactions",
                        HttpRequest.BodyPublishers.ofString("transactionId=a"),
                        "Content-Type",
                        "application/x-www-form-urlencoded")
                .error(415, "UNSUPPORTED_MEDIA_TYPE");
        client.send(
                        "POST",
                        "/system/heartbeat",
                        HttpRequest.BodyPublishers.ofString("{\"deviceId\":\"k\"}"),
                        "Content-Type",
                        "text/plain")
                .error(415, "UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void a_locker_id_that_is_not_a_number_is_an_invalid_request() {
        client.get("/lockers/abc").error(400, "INVALID_REQUEST");
        client.post("/lockers/abc/open").error(400, "INVALID_REQUEST");
    }

    @Test
    void a_locker_id_that_is_not_positive_is_an_invalid_request() {
        client.get("/lockers/-1").error(400, "INVALID_REQUEST");
        client.get("/lockers/0").error(400, "INVALID_REQUEST");
        client.get("/lockers/99999999999999999999999").error(400, "INVALID_REQUEST");
    }

    @Test
    void a_10_KB_transaction_id_is_an_invalid_request_that_is_not_echoed_whole() {
        ApiClient.Reply reply =
                client.get("/transactions/" + "a".repeat(10 * 1024)).error(400, "INVALID_REQUEST");
        assertThat(reply.body().length()).isLessThan(1000);
    }

    @Test
    void a_transaction_id_with_forbidden_characters_is_an_invalid_request() {
        client.get("/transactions/order%201").error(400, "INVALID_REQUEST");
        client.delete("/transactions/%C3%A9").error(400, "INVALID_REQUEST");
    }

    @Test
    void an_absurdly_long_url_still_gets_an_error_body() {
        ApiClient.Reply reply = client.get("/transactions/" + "a".repeat(40 * 1024));
        assertThat(reply.status()).isBetween(400, 499);
        assertThat(reply.json().has("error")).isTrue();
    }

    @Test
    void an_unknown_route_is_not_found() {
        client.get("/nope").error(404, "NOT_FOUND");
        client.post("/nope/deeper", "{}").error(404, "NOT_FOUND");
    }

    @Test
    void a_wrong_method_on_a_known_route_is_not_allowed() {
        ApiClient.Reply reply = client.send(
                        "PUT",
                        "/transactions",
                        HttpRequest.BodyPublishers.ofString("{}"),
                        "Content-Type",
                        "application/json")
                .error(405, "METHOD_NOT_ALLOWED");
        client.delete("/lockers").error(405, "METHOD_NOT_ALLOWED");
        client.post("/health").error(405, "METHOD_NOT_ALLOWED");
        assertThat(reply.body()).doesNotContain("<html");
        assertThat(reply.header("Allow")).as(reply.body()).isEqualTo("GET, POST");
    }

    @Test
    void query_parameters_of_the_wrong_shape_are_invalid_requests() {
        client.get("/lockers?available=yes").error(400, "INVALID_REQUEST");
        client.get("/lockers?controllerId=one").error(400, "INVALID_REQUEST");
        client.get("/lockers?lockerType=Not%20A%20Slug").error(400, "INVALID_REQUEST");
        client.adminGet("/system/logs?limit=0").error(400, "INVALID_REQUEST");
        client.adminGet("/system/logs?limit=1001").error(400, "INVALID_REQUEST");
        client.adminGet("/system/logs?since=yesterday").error(400, "INVALID_REQUEST");
    }

    @Test
    void an_unexpected_failure_is_an_internal_error_without_a_stack_trace() {
        gateway.opening = id -> {
            throw new IllegalStateException("board driver exploded at dev.harbor.Secret");
        };
        ApiClient.Reply reply = client.post("/lockers/1/open").error(500, "INTERNAL_ERROR");
        assertThat(reply.body()).doesNotContain("exploded").doesNotContain("at dev.harbor");
    }
}
