package dev.harbor.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harbor.application.auth.AdminAuthentication.LoginResult;
import java.net.http.HttpRequest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AuthRoutesTest extends ApiTest {

    @Test
    void login_with_basic_credentials_answers_a_session_token() {
        ApiClient.Reply reply = login(ApiClient.ADMIN_BASIC);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("token").asText()).isEqualTo("fresh-token-0123456789abcdef");
        assertThat(reply.json().get("expiresAt").asText()).isEqualTo("2026-02-21T06:56:40.123Z");
        assertThat(reply.json().get("username").asText()).isEqualTo("admin");
        assertThat(admin.clientKeys).containsExactly("127.0.0.1");
    }

    @Test
    void login_rejected_is_401_asking_for_basic_auth() {
        admin.loginOverride = new LoginResult.Rejected();

        ApiClient.Reply reply = login(ApiClient.ADMIN_BASIC).error(401, "UNAUTHORIZED");

        assertThat(reply.header("WWW-Authenticate")).isEqualTo("Basic realm=\"harbor\"");
        assertThat(reply.json().get("message").asText()).isEqualTo("Invalid username or password");
    }

    @Test
    void login_throttled_is_429_with_retry_after() {
        admin.loginOverride = new LoginResult.Throttled(Duration.ofMinutes(5));

        ApiClient.Reply reply = login(ApiClient.ADMIN_BASIC).error(429, "TOO_MANY_REQUESTS");

        assertThat(reply.header("Retry-After")).isEqualTo("300");
    }

    @Test
    void login_without_any_admin_configured_is_401_naming_the_settings() {
        admin.loginOverride = new LoginResult.NotConfigured();

        ApiClient.Reply reply = login(ApiClient.ADMIN_BASIC).error(401, "UNAUTHORIZED");

        assertThat(reply.json().get("message").asText()).contains("HARBOR_ADMIN_USERNAME", "HARBOR_ADMIN_PASSWORD");
    }

    @Test
    void login_without_basic_credentials_is_401() {
        client.send("POST", "/auth/login", HttpRequest.BodyPublishers.noBody(), "X-Session-Token", "valid-token")
                .error(401, "UNAUTHORIZED");
        assertThat(admin.clientKeys).isEmpty();
    }

    @Test
    void logout_ends_the_session_and_the_token_stops_working() {
        ApiClient.Reply reply = client.send(
                "POST", "/auth/logout", HttpRequest.BodyPublishers.noBody(), "X-Session-Token", "valid-token");

        assertThat(reply.status()).isEqualTo(204);
        assertThat(admin.loggedOut).containsExactly("valid-token");
        client.send("GET", "/controllers", HttpRequest.BodyPublishers.noBody(), "X-Session-Token", "valid-token")
                .error(401, "UNAUTHORIZED");
    }

    @Test
    void logout_needs_a_live_session_token() {
        client.send("POST", "/auth/logout", HttpRequest.BodyPublishers.noBody(), "Authorization", ApiClient.ADMIN_BASIC)
                .error(401, "UNAUTHORIZED");
        client.send("POST", "/auth/logout", HttpRequest.BodyPublishers.noBody(), "X-Session-Token", "expired")
                .error(401, "UNAUTHORIZED");
        assertThat(admin.loggedOut).isEmpty();
    }

    private ApiClient.Reply login(String authorization) {
        return client.send("POST", "/auth/login", HttpRequest.BodyPublishers.noBody(), "Authorization", authorization);
    }
}
