package dev.harbor.bikeep.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.RetryPolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one OAuth2 token of a client (client-credentials grant).
 *
 * <p>A token is reused until less than {@code tokenRefreshMargin} (60 s) of its life is left (half
 * its life when it lives shorter than twice the margin). Then the first caller fetches a new one and
 * every caller arriving meanwhile waits for that same fetch: never one fetch per caller.
 *
 * <p>Refused credentials (400, 401 or 403 from the token endpoint) are remembered: no caller asks
 * again before the back-off has passed ({@code credentialBackoff}, doubled per refusal in a row up to
 * {@code maxCredentialBackoff}); they get a {@link BikeepCredentialsException} at once. One ERROR
 * line per minute at most says so.
 */
final class TokenSource {

    private static final Logger LOG = LoggerFactory.getLogger("dev.harbor.bikeep.client");
    private static final Duration ERROR_LOG_EVERY = Duration.ofMinutes(1);

    private final ClientSettings settings;
    private final HttpClient http;
    private final Secrets secrets;
    private final URI tokenUri;
    private final RetryPolicy<HttpResponse<String>> retries;

    private final Object lock = new Object();
    private Token current;
    private CompletableFuture<Token> inFlight;
    private int refusalsInARow;
    private BikeepCredentialsException lastRefusal;
    private Instant lastErrorLogAt;

    /** A token and when it stops being used. */
    public record Token(String value, Instant renewAt) {

        /** No token in a log line. */
        @Override
        public String toString() {
            return "Token[renewAt=" + renewAt + "]";
        }
    }

    TokenSource(ClientSettings settings, HttpClient http, Secrets secrets) {
        this.settings = settings;
        this.http = http;
        this.secrets = secrets;
        this.tokenUri = Paths.resolve(settings.authUrl(), "/oauth2/token");
        this.retries = Retries.forReads(settings, secrets, "POST /oauth2/token");
    }

    /** A usable token: the current one, or a fresh one fetched once for all waiting callers. */
    Token token() {
        CompletableFuture<Token> fetch;
        boolean mine = false;
        synchronized (lock) {
            Instant now = settings.clock().instant();
            if (current != null && now.isBefore(current.renewAt())) {
                return current;
            }
            if (inFlight == null) {
                if (lastRefusal != null && now.isBefore(lastRefusal.nextAttemptAt())) {
                    throw new BikeepCredentialsException(
                            lastRefusal.getMessage(),
                            lastRefusal.statusCode(),
                            lastRefusal.errorCode().orElse(null),
                            lastRefusal.correlationId().orElse(null),
                            lastRefusal.nextAttemptAt());
                }
                inFlight = new CompletableFuture<>();
                mine = true;
            }
            fetch = inFlight;
        }
        if (mine) {
            fetchInto(fetch);
        }
        try {
            return fetch.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof BikeepException bikeep) {
                throw bikeep;
            }
            throw e;
        }
    }

    /** After a 401: forget this token, unless another caller already replaced it. */
    void invalidate(Token stale) {
        synchronized (lock) {
            if (current == stale) {
                current = null;
            }
        }
    }

    private void fetchInto(CompletableFuture<Token> fetch) {
        try {
            Token token = fetch();
            synchronized (lock) {
                current = token;
                inFlight = null;
                refusalsInARow = 0;
                lastRefusal = null;
            }
            fetch.complete(token);
        } catch (BikeepCredentialsException e) {
            synchronized (lock) {
                lastRefusal = e;
                inFlight = null;
            }
            fetch.completeExceptionally(e);
        } catch (RuntimeException | Error e) {
            // Whatever ends the fetch, the waiters must hear of it and the next caller may try again:
            // a fetch left in flight would hang every later call.
            synchronized (lock) {
                inFlight = null;
            }
            fetch.completeExceptionally(e);
            if (e instanceof Error error) {
                throw error;
            }
        }
    }

    private Token fetch() {
        String form = "grant_type=client_credentials&client_id=" + encode(settings.clientId()) + "&client_secret="
                + encode(settings.clientSecret());
        HttpRequest request = HttpRequest.newBuilder(tokenUri)
                .timeout(settings.requestTimeout())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        HttpResponse<String> response;
        try {
            response = Failsafe.with(retries).get(() -> http.send(request, HttpResponse.BodyHandlers.ofString()));
        } catch (FailsafeException e) {
            if (e.getCause() instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw Failures.unreachable("POST /oauth2/token", e.getCause() == null ? e : e.getCause(), secrets);
        }
        int status = response.statusCode();
        if (status == 400 || status == 401 || status == 403) {
            throw refused(status, response.body());
        }
        if (status / 100 != 2) {
            throw Failures.answered("POST /oauth2/token", status, response.body(), secrets);
        }
        JsonNode body = BikeepJson.parse(response.body());
        String value = BikeepJson.text(body, "access_token");
        if (value == null || value.isBlank()) {
            throw Failures.answered("POST /oauth2/token (no access_token)", status, "", secrets);
        }
        secrets.rememberToken(value);
        long expiresIn = body.path("expires_in").asLong(3600);
        Duration life = Duration.ofSeconds(Math.max(expiresIn, 0));
        Duration margin = settings.tokenRefreshMargin();
        if (life.compareTo(margin.multipliedBy(2)) < 0) {
            margin = life.dividedBy(2);
        }
        return new Token(value, settings.clock().instant().plus(life).minus(margin));
    }

    private BikeepCredentialsException refused(int status, String body) {
        Failures.ErrorBody error = Failures.ErrorBody.of(body);
        Instant now = settings.clock().instant();
        Duration wait;
        boolean logAsError;
        synchronized (lock) {
            refusalsInARow++;
            wait = settings.credentialBackoff().multipliedBy(1L << Math.min(refusalsInARow - 1, 20));
            if (wait.compareTo(settings.maxCredentialBackoff()) > 0) {
                wait = settings.maxCredentialBackoff();
            }
            logAsError = lastErrorLogAt == null || !now.isBefore(lastErrorLogAt.plus(ERROR_LOG_EVERY));
            if (logAsError) {
                lastErrorLogAt = now;
            }
        }
        Instant next = now.plus(wait);
        String text = "Bikeep refused the client credentials of client id '" + secrets.redact(settings.clientId())
                + "' (POST /oauth2/token answered " + status
                + (error.errorCode() == null ? "" : " " + secrets.redact(error.errorCode()))
                + (error.message() == null ? "" : ": " + secrets.redact(error.message()))
                + ", correlation_id=" + (error.correlationId() == null ? "none" : error.correlationId())
                + "); not asking again before " + next;
        if (logAsError) {
            LOG.error("{}", text);
        } else {
            LOG.warn("{}", text);
        }
        return new BikeepCredentialsException(text, status, error.errorCode(), error.correlationId(), next);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
