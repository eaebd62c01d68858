package dev.harbor.bikeep.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.RetryPolicy;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Authorized calls to Bikeep's API: the shared token, one re-fetch and retry after a 401, the retry
 * rules of {@link Retries}, and error answers turned into {@link BikeepException}s.
 */
final class BikeepHttp {

    private static final Logger LOG = LoggerFactory.getLogger("dev.harbor.bikeep.client");

    private final ClientSettings settings;
    private final HttpClient http;
    private final Secrets secrets;
    private final TokenSource tokens;

    /** An answer that is not an exception: its status and body. */
    public record Answer(int status, JsonNode body) {}

    public BikeepHttp(ClientSettings settings) {
        this.settings = settings;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.secrets = new Secrets(settings.clientSecret());
        this.tokens = new TokenSource(settings, http, secrets);
    }

    /** A GET, retried on I/O failure, 5xx and 429; a 2xx body, or an exception. */
    public JsonNode get(String path) {
        String what = "GET " + path;
        HttpResponse<String> response;
        try {
            response = send(path, null, Retries.forReads(settings, secrets, what));
        } catch (IOException e) {
            throw Failures.unreachable(what, e, secrets);
        }
        return bodyOf(what, response);
    }

    /**
     * A command POST: retried only when it provably did not arrive; when its answer is lost, a {@link
     * BikeepOutcomeUnknownException} and never a second POST.
     */
    public JsonNode postCommand(String path, JsonNode body, String deviceId) {
        String what = "POST " + path;
        HttpResponse<String> response = write(
                path,
                body,
                what,
                (e, text) -> new BikeepOutcomeUnknownException(
                        text + "; the command may or may not have reached the device, re-read device " + deviceId,
                        deviceId,
                        e));
        return bodyOf(what, response);
    }

    /**
     * A POST retried like a command, whose non-2xx answer is returned instead of thrown, for callers
     * that read Bikeep's per-item failures.
     */
    public Answer post(String path, JsonNode body) {
        String what = "POST " + path;
        HttpResponse<String> response = write(
                path,
                body,
                what,
                (e, text) -> new BikeepException(text + "; it may or may not have been applied", 0, null, null, e));
        return new Answer(response.statusCode(), BikeepJson.parse(response.body()));
    }

    /**
     * Sends a write, retried only when it provably did not arrive. When it left and its answer did
     * not come, {@code lost} makes the exception (from the cause and "no answer …"), logged once.
     */
    private HttpResponse<String> write(
            String path, JsonNode body, String what, BiFunction<IOException, String, RuntimeException> lost) {
        try {
            return send(path, BikeepJson.write(body), Retries.forWrites(settings, secrets, what));
        } catch (IOException e) {
            if (Retries.notDelivered(e)) {
                throw Failures.unreachable(what, e, secrets);
            }
            RuntimeException failure =
                    lost.apply(e, "Bikeep " + what + ": no answer (" + Failures.describe(e, secrets) + ")");
            LOG.warn("{}", failure.getMessage());
            throw failure;
        }
    }

    /** The exception for an error answer already read by the caller. */
    public BikeepException failure(String what, int status, JsonNode body) {
        return Failures.answered(what, status, BikeepJson.write(body), secrets);
    }

    /** One WARN line, with the correlation id, for a batch Bikeep applied only in part. */
    public void partialFailure(String what, JsonNode body, int failed, int sent) {
        Failures.ErrorBody error = Failures.ErrorBody.of(BikeepJson.write(body));
        LOG.warn(
                "Bikeep {} refused {} of {} items (correlation_id={})",
                what,
                failed,
                sent,
                error.correlationId() == null ? "none" : secrets.redact(error.correlationId()));
    }

    private JsonNode bodyOf(String what, HttpResponse<String> response) {
        if (response.statusCode() / 100 != 2) {
            throw Failures.answered(what, response.statusCode(), response.body(), secrets);
        }
        return BikeepJson.parse(response.body());
    }

    private HttpResponse<String> send(String path, String body, RetryPolicy<HttpResponse<String>> retries)
            throws IOException {
        URI uri = Paths.resolve(settings.apiUrl(), path);
        // One fresh token per call, not one per retry: a 401 after the re-fetch is Bikeep's answer.
        AtomicBoolean refetched = new AtomicBoolean();
        try {
            return Failsafe.with(retries).get(() -> sendAuthorized(uri, body, refetched));
        } catch (FailsafeException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof InterruptedException) {
                Thread.currentThread().interrupt();
                throw new BikeepException("interrupted while calling Bikeep", 0, null, null, cause);
            }
            throw e;
        }
    }

    private HttpResponse<String> sendAuthorized(URI uri, String body, AtomicBoolean refetched)
            throws IOException, InterruptedException {
        TokenSource.Token token = tokens.token();
        HttpResponse<String> response = http.send(request(uri, body, token), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 401 && refetched.compareAndSet(false, true)) {
            // Revoked or expired early: a 401 means the request was refused before it did anything,
            // so one more try with a fresh token is safe even for a command.
            LOG.info("Bikeep refused the token for {}; fetching a new one", uri.getPath());
            tokens.invalidate(token);
            token = tokens.token();
            response = http.send(request(uri, body, token), HttpResponse.BodyHandlers.ofString());
        }
        return response;
    }

    private HttpRequest request(URI uri, String body, TokenSource.Token token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(settings.requestTimeout())
                .header("Authorization", "Bearer " + token.value())
                .header("Accept", "application/json");
        if (body == null) {
            request.GET();
        } else {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        }
        return request.build();
    }
}
