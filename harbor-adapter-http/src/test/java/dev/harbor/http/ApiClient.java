package dev.harbor.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * The HTTP tests' client. Every answer it receives is checked against the OpenAPI document
 * (status documented, body valid against the schema) before a test sees it.
 */
final class ApiClient {

    static final String ADMIN_BASIC =
            "Basic " + Base64.getEncoder().encodeToString("admin:s3cret".getBytes(StandardCharsets.UTF_8));

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;

    ApiClient(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    record Reply(int status, java.net.http.HttpHeaders headers, String body) {

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        /** Asserts an Error body with this status and code. */
        Reply error(int expectedStatus, String code) {
            assertThat(status).as(body).isEqualTo(expectedStatus);
            assertThat(json().get("error").asText()).as(body).isEqualTo(code);
            return this;
        }
    }

    Reply get(String path) {
        return send("GET", path, HttpRequest.BodyPublishers.noBody());
    }

    Reply delete(String path) {
        return send("DELETE", path, HttpRequest.BodyPublishers.noBody());
    }

    Reply post(String path) {
        return send("POST", path, HttpRequest.BodyPublishers.noBody());
    }

    Reply post(String path, String json) {
        return send("POST", path, HttpRequest.BodyPublishers.ofString(json), "Content-Type", "application/json");
    }

    Reply patch(String path, String json) {
        return send("PATCH", path, HttpRequest.BodyPublishers.ofString(json), "Content-Type", "application/json");
    }

    Reply adminGet(String path) {
        return send("GET", path, HttpRequest.BodyPublishers.noBody(), "Authorization", ADMIN_BASIC);
    }

    Reply adminPost(String path) {
        return send("POST", path, HttpRequest.BodyPublishers.noBody(), "Authorization", ADMIN_BASIC);
    }

    Reply adminPatch(String path, String json) {
        return send(
                "PATCH",
                path,
                HttpRequest.BodyPublishers.ofString(json),
                "Content-Type",
                "application/json",
                "Authorization",
                ADMIN_BASIC);
    }

    Reply send(String method, String path, HttpRequest.BodyPublisher body, String... headers) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(base + path)).method(method, body);
        if (headers.length > 0) {
            request.headers(headers);
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        Reply reply = new Reply(response.statusCode(), response.headers(), response.body());
        String rawPath = URI.create(base + path).getRawPath();
        List<String> problems = OpenApiContract.INSTANCE.check(
                method, rawPath, reply.status(), reply.header("Content-Type"), reply.body());
        assertThat(problems)
                .as("%s %s answered %s %s: not as documented", method, path, reply.status(), abbreviate(reply.body()))
                .isEmpty();
        return reply;
    }

    private static String abbreviate(String body) {
        return body.length() <= 500 ? body : body.substring(0, 500) + "…";
    }
}
