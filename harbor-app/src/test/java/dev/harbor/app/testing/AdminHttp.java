package dev.harbor.app.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** An HTTP client for the Admin API tests: any method, any headers, answers with their headers. */
public final class AdminHttp {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    public record Reply(int status, HttpHeaders headers, JsonNode body) {

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        public String error() {
            return body == null ? null : body.path("error").asText(null);
        }
    }

    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    public AdminHttp(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    public static String basic(String username, String password) {
        return "Basic "
                + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public Reply send(String method, String path, String json, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(90))
                .method(
                        method,
                        json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        String body = response.body();
        return new Reply(
                response.statusCode(),
                response.headers(),
                body == null || body.isEmpty() ? null : MAPPER.readTree(body));
    }
}
