package dev.harbor.http;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Starts the real server on a free port over a {@link FakeGateway} and {@link FakeAdmin} for every test. */
abstract class ApiTest {

    static final Instant NOW = Instant.parse("2026-02-20T22:56:40.123Z");

    protected FakeGateway gateway;
    protected FakeAdmin admin;
    protected RecordingHttpMetrics metrics;
    protected HttpApi api;
    protected ApiClient client;
    protected int port;

    @BeforeEach
    void startServer() {
        gateway = new FakeGateway();
        admin = new FakeAdmin(gateway);
        metrics = new RecordingHttpMetrics();
        api = HttpApi.builder(gateway.useCases())
                .admin(admin.useCases())
                .reportErrors(admin)
                .metrics(metrics)
                .backups(admin)
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .build();
        port = api.start("127.0.0.1", 0);
        client = new ApiClient(port);
    }

    @AfterEach
    void stopServer() {
        api.stop();
    }
}
