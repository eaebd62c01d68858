package dev.harbor.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.harbor.application.auth.ClientKeys;
import dev.harbor.application.diagnostics.ReportErrors;
import dev.harbor.application.system.BackUpDatabase;
import dev.harbor.application.webhook.ReceiveWebhooks;
import dev.harbor.http.admin.AdminApi;
import dev.harbor.http.api.AdminApiUseCases;
import dev.harbor.http.api.LocalApiUseCases;
import dev.harbor.http.console.AdminConsole;
import dev.harbor.http.internal.Access;
import dev.harbor.http.internal.AdminGuard;
import dev.harbor.http.internal.ClientKeyGate;
import dev.harbor.http.internal.ErrorHandling;
import dev.harbor.http.internal.HttpTools;
import dev.harbor.http.internal.Json;
import dev.harbor.http.internal.JsonJettyErrorHandler;
import dev.harbor.http.internal.JsonResponses;
import dev.harbor.http.internal.RequestBodies;
import dev.harbor.http.internal.RequestHeaderDeadline;
import dev.harbor.http.internal.RequestIds;
import dev.harbor.http.local.LocalApi;
import dev.harbor.http.webhook.WebhookHandlers;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.json.JavalinJackson;
import io.javalin.router.Endpoint;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The Harbor Gateway HTTP API (Local API and Admin API) on an embedded Javalin server.
 *
 * <pre>{@code
 * HttpApi api = HttpApi.builder(localUseCases)
 *         .admin(adminUseCases)
 *         .reportErrors(reportErrors)
 *         .clock(clock)
 *         .build();
 * int port = api.start("0.0.0.0", 8080);   // 0 = any free port
 * ...
 * api.stop();
 * }</pre>
 *
 * <p>Every answer carries an {@code X-Request-Id} (the client's when sane, else a new one), which is
 * also the SLF4J MDC entry {@code requestId} while the request is handled. Every error, on every
 * route, is the contract's {@code Error} body; request bodies are
 * limited to 64 KiB (Bikeep's webhooks to 1 MiB) and must be JSON. Admin-only routes refuse everyone unless
 * {@link AdminApiUseCases} whose authentication accepts someone are given. The Local API is open
 * to every client unless {@link Builder#clientKeys(ClientKeys) client keys} are given.
 */
public final class HttpApi {

    /** The document served at {@code GET /openapi.json}, a resource beside this class. */
    public static final String OPENAPI_RESOURCE = "/dev/harbor/http/openapi.json";

    /** How long a client may take to send a request line and its headers, unless the builder says otherwise. */
    public static final Duration DEFAULT_REQUEST_HEADER_TIMEOUT = Duration.ofSeconds(10);

    private static final int MAX_REQUEST_HEADER_BYTES = 16 * 1024;
    private static final Set<HandlerType> HTTP_METHODS =
            Set.of(HandlerType.GET, HandlerType.POST, HandlerType.PUT, HandlerType.PATCH, HandlerType.DELETE);

    private final Javalin app;

    private HttpApi(Builder builder) {
        ObjectMapper mapper = Json.mapper();
        ErrorHandling errors = new ErrorHandling(mapper, builder.clock, builder.reportErrors);
        JsonResponses responses = new JsonResponses(mapper);
        AdminGuard admin = new AdminGuard(builder.admin.authentication());
        ClientKeyGate clients = new ClientKeyGate(builder.clientKeys, admin);
        HttpTools tools = new HttpTools(responses, new RequestBodies(mapper), admin, clients);
        byte[] openApi = readOpenApi();
        RequestHeaderDeadline headerDeadline = new RequestHeaderDeadline(builder.requestHeaderTimeout);
        this.app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.jsonMapper(new JavalinJackson(mapper, false));
            config.http.maxRequestSize = RequestBodies.MAX_BODY_BYTES;
            config.http.prefer405over404 = true;
            config.jetty.modifyHttpConfiguration(http -> http.setRequestHeaderSize(MAX_REQUEST_HEADER_BYTES));
            config.jetty.modifyServer(server -> {
                server.setErrorHandler(new JsonJettyErrorHandler(errors));
                // Javalin puts its servlet context inside this wrapper: every request passes it.
                server.setHandler(new RequestIds());
                headerDeadline.install(server);
            });
            errors.register(config);
            // Who may call comes before what was sent: a stranger learns nothing from a 413 or 415.
            config.routes.beforeMatched(clients::check);
            config.routes.beforeMatched(RequestBodies::checkEnvelope);
            config.routes.get(
                    "/openapi.json",
                    ctx -> ctx.status(200)
                            .contentType(JsonResponses.CONTENT_TYPE)
                            .result(openApi),
                    Access.WITHOUT_CLIENT_KEY);
            new LocalApi(builder.useCases, tools).register(config.routes);
            new AdminApi(builder.admin, builder.useCases, builder.reportErrors, builder.backups, tools)
                    .register(config.routes);
            new WebhookHandlers(builder.webhooks, tools).register(config.routes);
            new AdminConsole().register(config.routes);
            if (builder.metrics != null) {
                HttpMetrics metrics = builder.metrics;
                // Prometheus sends the client key like any other client once keys are required.
                config.routes.get(
                        "/metrics",
                        ctx -> ctx.status(200)
                                .contentType(HttpMetrics.CONTENT_TYPE)
                                .result(metrics.scrape()));
                config.requestLogger.http((ctx, millis) ->
                        metrics.served(methodOf(ctx), routeOf(ctx), ctx.statusCode(), (long) (millis * 1_000_000.0)));
            }
        });
    }

    public static Builder builder(LocalApiUseCases useCases) {
        return new Builder(useCases);
    }

    /**
     * Starts serving.
     *
     * @param port {@code 0} for any free port
     * @return the port actually bound
     */
    public int start(String host, int port) {
        app.start(host, port);
        return app.port();
    }

    /** Stops the server; requests in flight are answered first. */
    public void stop() {
        app.stop();
    }

    /** Every registered route as {@code "METHOD /path/{param}"}, for the documentation test. */
    List<String> routes() {
        return app.unsafe.internalRouter.allHttpHandlers().stream()
                .map(parsed -> parsed.endpoint)
                .filter(endpoint -> HTTP_METHODS.contains(endpoint.method))
                .map(endpoint -> endpoint.method.name() + " " + endpoint.path)
                .sorted()
                .toList();
    }

    private static String methodOf(Context ctx) {
        HandlerType method = ctx.method();
        return HTTP_METHODS.contains(method) ? method.name() : "OTHER";
    }

    /** The matched route's template, never the path itself: that may hold a transaction id. */
    private static String routeOf(Context ctx) {
        Endpoint matched = ctx.endpoints().matchedHttpEndpoint();
        return matched == null ? HttpMetrics.UNMATCHED : matched.path;
    }

    private static byte[] readOpenApi() {
        try (InputStream in = HttpApi.class.getResourceAsStream(OPENAPI_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + OPENAPI_RESOURCE);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Configures an {@link HttpApi}; the use cases are required, everything else has a safe default. */
    public static final class Builder {

        private final LocalApiUseCases useCases;
        private AdminApiUseCases admin = AdminApiUseCases.lockedOut();
        private ReportErrors reportErrors = ReportErrors.OFF;
        private ReceiveWebhooks webhooks = ReceiveWebhooks.REFUSE_ALL;
        private BackUpDatabase backups = BackUpDatabase.UNAVAILABLE;
        private Clock clock = Clock.systemUTC();
        private Duration requestHeaderTimeout = DEFAULT_REQUEST_HEADER_TIMEOUT;
        private ClientKeys clientKeys = ClientKeys.NONE;
        private HttpMetrics metrics;

        private Builder(LocalApiUseCases useCases) {
            this.useCases = Objects.requireNonNull(useCases, "useCases");
        }

        /**
         * The Admin API's use cases; their authentication guards every admin-only route. Default:
         * {@link AdminApiUseCases#lockedOut()}, nobody gets in.
         */
        public Builder admin(AdminApiUseCases admin) {
            this.admin = Objects.requireNonNull(admin, "admin");
            return this;
        }

        /**
         * Where unhandled server errors (every 500 {@code INTERNAL_ERROR}) are reported, and what
         * {@code POST /diagnostics/sentry-test} sends through. Default: reporting off.
         */
        public Builder reportErrors(ReportErrors reportErrors) {
            this.reportErrors = Objects.requireNonNull(reportErrors, "reportErrors");
            return this;
        }

        /**
         * What receives Bikeep's webhook deliveries at {@code POST /bikeep/webhooks} (bodies up to
         * 1 MiB). Default: {@link ReceiveWebhooks#REFUSE_ALL}, every delivery answered 401.
         */
        public Builder webhooks(ReceiveWebhooks webhooks) {
            this.webhooks = Objects.requireNonNull(webhooks, "webhooks");
            return this;
        }

        /**
         * What {@code POST /system/backup} (admin) runs. Default: {@link BackUpDatabase#UNAVAILABLE},
         * every request answered 409.
         */
        public Builder backups(BackUpDatabase backups) {
            this.backups = Objects.requireNonNull(backups, "backups");
            return this;
        }

        /**
         * The keys a client must show ({@code Authorization: Bearer <key>}) to use the Local API;
         * admin credentials are accepted instead. {@code GET /health}, {@code GET /openapi.json},
         * the admin console's page and Bikeep's webhooks stay open; admin-only routes still need
         * an admin, whatever key is shown. Default: {@link ClientKeys#NONE}, the Local API is open
         * to anyone who can reach it, as in the real product.
         */
        public Builder clientKeys(ClientKeys clientKeys) {
            this.clientKeys = Objects.requireNonNull(clientKeys, "clientKeys");
            return this;
        }

        /**
         * Serves {@code GET /metrics} (a client key is needed once {@link #clientKeys keys} are
         * set, as on the Local API) and reports every answered request, by method, route template
         * and status. Default: none, {@code /metrics} answers 404 as any unknown route.
         */
        public Builder metrics(HttpMetrics metrics) {
            this.metrics = Objects.requireNonNull(metrics, "metrics");
            return this;
        }

        /** The clock of error timestamps. Default: the system's, in UTC. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * How long a client may take to send a request's line and headers, counted from the
         * connection's opening or the next request's first byte; a slower one is disconnected, so
         * clients that trickle their headers cannot hold every connection. Default:
         * {@link #DEFAULT_REQUEST_HEADER_TIMEOUT}.
         *
         * @throws IllegalArgumentException when not positive
         */
        public Builder requestHeaderTimeout(Duration timeout) {
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("the request header timeout must be positive, was " + timeout);
            }
            this.requestHeaderTimeout = timeout;
            return this;
        }

        public HttpApi build() {
            return new HttpApi(this);
        }
    }
}
