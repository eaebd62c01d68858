package dev.harbor.app.bikeep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** JSON over HTTP to a gateway under test, as a client or as the configured admin. */
final class Http {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    record Reply(int status, JsonNode body, String raw) {

        String error() {
            return body == null ? null : body.path("error").asText(null);
        }
    }

    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String basic;

    Http(int port, String username, String password) {
        this.base = "http://127.0.0.1:" + port;
        this.basic = "Basic "
                + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    Reply send(String method, String path, String json) throws IOException, InterruptedException {
        return send(method, path, json, false);
    }

    Reply admin(String method, String path, String json) throws IOException, InterruptedException {
        return send(method, path, json, true);
    }

    private Reply send(String method, String path, String json, boolean admin)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(60))
                .method(
                        method,
                        json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (admin) {
            request.header("Authorization", basic);
        }
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        String body = response.body();
        return new Reply(response.statusCode(), body == null || body.isEmpty() ? null : MAPPER.readTree(body), body);
    }
}
