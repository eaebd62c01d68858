package dev.harbor.bikeep.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The faults a test asks for: error statuses, 429 with Retry-After, slow answers, refused connections. */
class SimulatorFaultTest {

    private BikeepSimulator sim;
    private BikeepHttp http;
    private String device;

    @BeforeEach
    void start() {
        sim = BikeepSimulator.start(
                BikeepSimulator.Settings.defaults().withCommandDelays(Duration.ofMillis(20), Duration.ofMillis(20)));
        device = sim.deviceIds(sim.addLocation("BIKE_DOCKS", "Station B", 1)).get(0);
        http = new BikeepHttp(sim.baseUri()).login();
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void fail_next_answers_the_status_with_bikeeps_error_body_that_many_times_then_recovers() {
        sim.failNext(503, 2);

        BikeepHttp.Answer first = http.get("/location/v1/locations");
        BikeepHttp.Answer second = http.get("/location/v1/locations");
        BikeepHttp.Answer third = http.get("/location/v1/locations");

        assertThat(first.status()).isEqualTo(503);
        assertThat(first.json().get("status_code").asInt()).isEqualTo(503);
        assertThat(first.json().get("error_code").asText()).isEqualTo("ERRORS.SERVICE_UNAVAILABLE");
        assertThat(second.status()).isEqualTo(503);
        assertThat(second.json().get("correlation_id"))
                .isNotEqualTo(first.json().get("correlation_id"));
        assertThat(third.status()).isEqualTo(200);
    }

    @Test
    void a_failed_command_post_creates_no_command_and_token_calls_are_not_failed() {
        sim.failNext(500, 1);

        assertThat(http.fetchToken("demo", "demo-secret-123").status()).isEqualTo(200);
        BikeepHttp.Answer failed = http.post("/device/v1/devices/" + device + "/commands", "{\"command\":\"book\"}");

        assertThat(failed.status()).isEqualTo(500);
        assertThat(sim.deviceState(device)).isEqualTo("UNLOCKED");
    }

    @Test
    void a_429_carries_retry_after_in_whole_seconds() {
        sim.failNextWithRetryAfter(429, Duration.ofMillis(1500), 1);

        BikeepHttp.Answer limited = http.get("/location/v1/locations");

        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.raw().headers().firstValue("Retry-After")).contains("2");
        assertThat(limited.json().get("error_code").asText()).isEqualTo("ERRORS.TOO_MANY_REQUESTS");
        assertThat(http.get("/location/v1/locations").status()).isEqualTo(200);
    }

    @Test
    void a_slow_answer_times_the_client_out_but_the_command_was_still_made() throws Exception {
        sim.delayResponses(Duration.ofMillis(600));
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(
                        sim.baseUri().resolve("/device/v1/devices/" + device + "/commands"))
                .timeout(Duration.ofMillis(200))
                .header("Authorization", "Bearer " + http.token())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"command\":\"book\"}"))
                .build();

        assertThatThrownBy(() -> client.send(request, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(HttpTimeoutException.class);
        assertThat(sim.deviceState(device)).isIn("ALLOCATED", "BOOKED");
        sim.delayResponses(Duration.ZERO);
        assertThat(http.get("/location/v1/locations").status()).isEqualTo(200);
    }

    @Test
    void refused_connections_fail_to_connect_and_come_back_on_the_same_port() {
        sim.refuseConnections(true);

        assertThatThrownBy(() -> http.get("/location/v1/locations")).hasCauseInstanceOf(ConnectException.class);

        sim.refuseConnections(false);
        assertThat(http.get("/location/v1/locations").status()).isEqualTo(200);
    }

    @Test
    void every_request_is_recorded_with_its_method_path_headers_and_body() {
        http.post("/device/v1/devices/" + device + "/commands", "{\"command\":\"book\"}");

        List<BikeepSimulator.Request> requests = sim.requests();

        assertThat(requests)
                .extracting(BikeepSimulator.Request::path)
                .containsExactly("/oauth2/token", "/device/v1/devices/" + device + "/commands");
        BikeepSimulator.Request token = requests.get(0);
        assertThat(token.method()).isEqualTo("POST");
        assertThat(token.body()).contains("grant_type=client_credentials");
        BikeepSimulator.Request command = requests.get(1);
        assertThat(command.header("authorization")).isEqualTo("Bearer " + http.token());
        assertThat(command.headers().get("Content-Type")).containsExactly("application/json");
        assertThat(command.body()).isEqualTo("{\"command\":\"book\"}");
        assertThat(sim.tokenFetches()).isEqualTo(1);
    }

    @Test
    void an_unknown_path_is_404_and_a_wrong_method_405_both_with_the_error_body() {
        assertThat(http.get("/device/v1/nothing").json().get("error_code").asText())
                .isEqualTo("ERRORS.NOT_FOUND");
        BikeepHttp.Answer wrongMethod = http.post("/location/v1/locations", "{}");
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.json().get("status_code").asInt()).isEqualTo(405);
    }
}
