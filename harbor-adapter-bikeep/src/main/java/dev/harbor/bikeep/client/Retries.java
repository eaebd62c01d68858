package dev.harbor.bikeep.client;

import dev.failsafe.RetryPolicy;
import dev.failsafe.event.ExecutionScheduledEvent;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The two retry rules. A read (GET, or the token request, which creates nothing) is retried on any
 * I/O failure, 5xx and 429. A write is retried only when it provably did not arrive: the connection
 * was refused or never established, or Bikeep answered 503 or 429 (it turned the request away).
 * Delays double from {@code retryDelay} up to {@code maxRetryDelay}; a {@code Retry-After} answer
 * replaces the delay (up to {@link #MAX_RETRY_AFTER}).
 */
final class Retries {

    private static final Logger LOG = LoggerFactory.getLogger("dev.harbor.bikeep.client");

    /** A longer {@code Retry-After} is cut to this, so that a call never hangs for minutes. */
    static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(30);

    private Retries() {}

    static RetryPolicy<HttpResponse<String>> forReads(ClientSettings settings, Secrets secrets, String what) {
        return policy(settings, secrets, what, true);
    }

    static RetryPolicy<HttpResponse<String>> forWrites(ClientSettings settings, Secrets secrets, String what) {
        return policy(settings, secrets, what, false);
    }

    /** Connection refused or never established: the request cannot have reached Bikeep. */
    static boolean notDelivered(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof HttpConnectTimeoutException) {
                return true;
            }
        }
        return false;
    }

    private static RetryPolicy<HttpResponse<String>> policy(
            ClientSettings settings, Secrets secrets, String what, boolean read) {
        return RetryPolicy.<HttpResponse<String>>builder()
                .handleIf((response, failure) -> read ? retryRead(response, failure) : retryWrite(response, failure))
                .withMaxRetries(settings.maxRetries())
                .withDelayFn(context -> delay(settings, context.getLastResult(), context.getAttemptCount()))
                .onRetryScheduled(event -> logRetry(event, secrets, what, settings.maxRetries()))
                .build();
    }

    private static boolean retryRead(HttpResponse<String> response, Throwable failure) {
        if (failure != null) {
            return failure instanceof IOException;
        }
        return response.statusCode() >= 500 || response.statusCode() == 429;
    }

    private static boolean retryWrite(HttpResponse<String> response, Throwable failure) {
        if (failure != null) {
            return notDelivered(failure);
        }
        return response.statusCode() == 503 || response.statusCode() == 429;
    }

    private static Duration delay(ClientSettings settings, HttpResponse<String> last, int attempts) {
        Optional<Duration> retryAfter = retryAfter(last);
        if (retryAfter.isPresent()) {
            Duration wanted = retryAfter.get();
            return wanted.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : wanted;
        }
        Duration delay = settings.retryDelay().multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 20));
        return delay.compareTo(settings.maxRetryDelay()) > 0 ? settings.maxRetryDelay() : delay;
    }

    /** {@code Retry-After} in seconds (the form Bikeep's gateways send); an HTTP date is ignored. */
    static Optional<Duration> retryAfter(HttpResponse<String> response) {
        if (response == null) {
            return Optional.empty();
        }
        return response.headers().firstValue("Retry-After").flatMap(value -> {
            try {
                long seconds = Long.parseLong(value.trim());
                return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }

    private static void logRetry(
            ExecutionScheduledEvent<HttpResponse<String>> event, Secrets secrets, String what, int maxRetries) {
        String outcome;
        if (event.getLastException() != null) {
            outcome = "failed (" + Failures.describe(event.getLastException(), secrets) + ")";
        } else {
            HttpResponse<String> response = event.getLastResult();
            outcome = "answered " + response.statusCode() + Failures.bodySummary(response.body(), secrets);
        }
        LOG.warn(
                "Bikeep {} {}; retry {} of {} in {} ms",
                what,
                outcome,
                event.getAttemptCount(),
                maxRetries,
                event.getDelay().toMillis());
    }
}
