package dev.harbor.http;

import dev.harbor.http.api.Authenticator;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Starts the real server on a free port over a {@link FakeGateway} for every test. */
abstract class ApiTest {

    static final Instant NOW = Instant.parse("2026-02-20T22:56:40.123Z");

    /** Accepts the admin's Basic credentials and one session token. */
    static final Authenticator TEST_ADMIN = (authorization, token) ->
            ApiClient.ADMIN_BASIC.equals(authorization) || "valid-token".equals(token)
                    ? Optional.of("admin") : Optional.empty();

    protected FakeGateway gateway;
    protected HttpApi api;
    protected ApiClient client;

    @BeforeEach
    void startServer() {
        gateway = new FakeGateway();
        api = HttpApi.builder(gateway.useCases())
                .authenticator(TEST_ADMIN)
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .build();
        client = new ApiClient(api.start("127.0.0.1", 0));
    }

    @AfterEach
    void stopServer() {
        api.stop();
    }
}
