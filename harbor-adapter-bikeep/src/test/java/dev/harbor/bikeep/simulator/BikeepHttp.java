package dev.harbor.bikeep.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;

/** A bare HTTP caller of the simulator for its tests: no retries, no token cache, nothing hidden. */
final class BikeepHttp {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final URI base;
    private String token;

    BikeepHttp(URI base) {
        this.base = base;
    }

    record Answer(int status, JsonNode json, HttpResponse<String> raw) {}

    Answer fetchToken(String clientId, String secret) {
        String form = "grant_type=client_credentials&client_id=" + clientId + "&client_secret=" + secret;
        return send(HttpRequest.newBuilder(base.resolve("/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    /** Fetches a token with the default credentials and uses it from now on. */
    BikeepHttp login() {
        Answer answer = fetchToken("demo", "demo-secret-123");
        if (answer.status() != 200) {
            throw new AssertionError("token refused: " + answer.raw().body());
        }
        token = answer.json().get("access_token").asText();
        return this;
    }

    String token() {
        return token;
    }

    Answer get(String path) {
        return send(authorized(path).GET());
    }

    Answer post(String path, String json) {
        return send(authorized(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** Sends a command and returns its record. */
    JsonNode command(String deviceId, String json) {
        Answer answer = post("/device/v1/devices/" + deviceId + "/commands", json);
        if (answer.status() != 200) {
            throw new AssertionError("command refused: " + answer.raw().body());
        }
        return answer.json();
    }

    /** Polls the command until {@code until} holds for its record, or fails after {@code within}. */
    JsonNode pollCommand(String commandId, Predicate<JsonNode> until, Duration within) {
        Instant deadline = Instant.now().plus(within);
        JsonNode last = null;
        while (Instant.now().isBefore(deadline)) {
            last = get("/device/v1/commands/" + commandId).json();
            if (until.test(last)) {
                return last;
            }
            pause(10);
        }
        throw new AssertionError("command never got there; last seen " + last);
    }

    JsonNode awaitCommandState(String commandId, String state) {
        return pollCommand(commandId, c -> c.at("/state/value").asText().equals(state), Duration.ofSeconds(5));
    }

    JsonNode device(String deviceId) {
        return get("/device/v1/devices/" + deviceId).json();
    }

    private HttpRequest.Builder authorized(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(5));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = response.body().isEmpty() ? null : MAPPER.readTree(response.body());
            return new Answer(response.statusCode(), json, response);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
