package dev.harbor.bikeep.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SimulatorTokenTest {

    private BikeepSimulator sim;

    private BikeepHttp start(BikeepSimulator.Settings settings) {
        sim = BikeepSimulator.start(settings);
        sim.addLocation("BIKE_LOCKERS", "Office A", 2);
        return new BikeepHttp(sim.baseUri());
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void the_right_credentials_get_a_one_hour_bearer_token_without_refresh_token_and_each_fetch_is_counted() {
        BikeepHttp http = start(BikeepSimulator.Settings.defaults().withClientCredentials("acme", "s3cret"));

        BikeepHttp.Answer token = http.fetchToken("acme", "s3cret");

        assertThat(token.status()).isEqualTo(200);
        assertThat(token.json().get("token_type").asText()).isEqualTo("Bearer");
        assertThat(token.json().get("expires_in").asLong()).isEqualTo(3600);
        assertThat(token.json().has("refresh_token")).isFalse();
        http.fetchToken("acme", "s3cret");
        assertThat(sim.tokenFetches()).isEqualTo(2);
    }

    @Test
    void wrong_credentials_are_refused_with_401_and_bikeeps_error_body() {
        BikeepHttp http = start(BikeepSimulator.Settings.defaults());

        BikeepHttp.Answer answer = http.fetchToken("demo", "wrong");

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.json().get("status_code").asInt()).isEqualTo(401);
        assertThat(answer.json().get("error_code").asText()).startsWith("ERRORS.");
        assertThat(answer.json().get("error_message").asText()).isNotBlank();
        assertThat(answer.json().get("correlation_id").asText()).isNotBlank();
        assertThat(answer.raw().body()).doesNotContain("demo-secret-123");
    }

    @Test
    void a_call_without_a_token_or_with_an_unknown_one_is_401() {
        BikeepHttp http = start(BikeepSimulator.Settings.defaults());

        assertThat(http.get("/location/v1/locations").status()).isEqualTo(401);
        assertThat(http.get("/location/v1/locations").json().get("error_code").asText())
                .isEqualTo("ERRORS.UNAUTHORIZED");
    }

    @Test
    void a_token_expires_after_its_lifetime_and_expires_in_says_so() {
        BikeepHttp http = start(BikeepSimulator.Settings.defaults().withTokenLifetime(Duration.ofMillis(1500)));
        http.login();

        assertThat(http.get("/location/v1/locations").status()).isEqualTo(200);
        assertThat(http.fetchToken("demo", "demo-secret-123")
                        .json()
                        .get("expires_in")
                        .asLong())
                .isEqualTo(1);
        BikeepHttp.pause(1600);
        assertThat(http.get("/location/v1/locations").status()).isEqualTo(401);
        assertThat(http.login().get("/location/v1/locations").status()).isEqualTo(200);
    }

    @Test
    void revoked_tokens_are_refused_and_a_new_one_works() {
        BikeepHttp http = start(BikeepSimulator.Settings.defaults());
        http.login();
        assertThat(http.get("/location/v1/locations").status()).isEqualTo(200);

        sim.revokeTokens();

        BikeepHttp.Answer refused = http.get("/location/v1/locations");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().get("status_code").asInt()).isEqualTo(401);
        assertThat(http.login().get("/location/v1/locations").status()).isEqualTo(200);
        assertThat(sim.tokenFetches()).isEqualTo(2);
    }

    @Test
    void the_token_endpoint_wants_a_form_with_the_client_credentials_grant() {
        BikeepHttp http = start(BikeepSimulator.Settings.defaults());

        BikeepHttp.Answer asJson = http.post(
                "/oauth2/token",
                "{\"grant_type\":\"client_credentials\",\"client_id\":\"demo\",\"client_secret\":\"demo-secret-123\"}");
        BikeepHttp.Answer password = http.fetchToken("demo", "demo-secret-123&grant_type=password");

        assertThat(asJson.status()).isEqualTo(400);
        assertThat(password.status()).isEqualTo(400);
        assertThat(password.json().get("error_code").asText()).isEqualTo("ERRORS.UNSUPPORTED_GRANT_TYPE");
    }
}
