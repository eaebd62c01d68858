package dev.harbor.http;

import dev.harbor.http.api.LocalApiUseCases;
import dev.harbor.http.api.Authenticator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.harbor.http.internal.AdminGuard;
import dev.harbor.http.internal.ErrorHandling;
import dev.harbor.http.internal.HttpTools;
import dev.harbor.http.internal.Json;
import dev.harbor.http.internal.JsonJettyErrorHandler;
import dev.harbor.http.internal.JsonResponses;
import dev.harbor.http.internal.RequestBodies;
import dev.harbor.http.local.LocalApi;
import io.javalin.Javalin;
import io.javalin.http.HandlerType;
import io.javalin.json.JavalinJackson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The Harbor Gateway HTTP API (Local API, and later the Admin API) on an embedded Javalin server.
 *
 * <pre>{@code
 * HttpApi api = HttpApi.builder(useCases)
 *         .authenticator(authenticator)
 *         .clock(clock)
 *         .build();
 * int port = api.start("0.0.0.0", 8080);   // 0 = any free port
 * ...
 * api.stop();
 * }</pre>
 *
 * <p>Every error, on every route, is the contract's {@code Error} body; request bodies are
 * limited to 64 KiB and must be JSON. Admin-only routes refuse everyone unless an
 * {@link Authenticator} that accepts someone is given.
 */
public final class HttpApi {

    /** The document served at {@code GET /openapi.json}, a resource beside this class. */
    public static final String OPENAPI_RESOURCE = "/dev/harbor/http/openapi.json";

    private static final int MAX_REQUEST_HEADER_BYTES = 16 * 1024;
    private static final Set<HandlerType> HTTP_METHODS =
            Set.of(HandlerType.GET, HandlerType.POST, HandlerType.PUT, HandlerType.PATCH, HandlerType.DELETE);

    private final Javalin app;

    private HttpApi(Builder builder) {
        ObjectMapper mapper = Json.mapper();
        ErrorHandling errors = new ErrorHandling(mapper, builder.clock);
        JsonResponses responses = new JsonResponses(mapper);
        HttpTools tools = new HttpTools(responses, new RequestBodies(mapper), new AdminGuard(builder.authenticator),
                builder.clock);
        byte[] openApi = readOpenApi();
        this.app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.jsonMapper(new JavalinJackson(mapper, false));
            config.http.maxRequestSize = RequestBodies.MAX_BODY_BYTES;
            config.http.prefer405over404 = true;
            config.jetty.modifyHttpConfiguration(http -> http.setRequestHeaderSize(MAX_REQUEST_HEADER_BYTES));
            config.jetty.modifyServer(server -> server.setErrorHandler(new JsonJettyErrorHandler(errors)));
            errors.register(config);
            config.routes.beforeMatched(RequestBodies::checkEnvelope);
            config.routes.get("/openapi.json", ctx -> ctx.status(200)
                    .contentType(JsonResponses.CONTENT_TYPE).result(openApi));
            new LocalApi(builder.useCases, tools).register(config.routes);
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
        private Authenticator authenticator = Authenticator.denyAll();
        private Clock clock = Clock.systemUTC();

        private Builder(LocalApiUseCases useCases) {
            this.useCases = Objects.requireNonNull(useCases, "useCases");
        }

        /** Who may call admin-only routes. Default: nobody. */
        public Builder authenticator(Authenticator authenticator) {
            this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
            return this;
        }

        /** The clock of error timestamps and heartbeat receipt times. Default: the system's, in UTC. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public HttpApi build() {
            return new HttpApi(this);
        }
    }
}
