package dev.harbor.app.sentry;

import dev.harbor.application.port.ErrorReporter;
import io.sentry.Sentry;
import io.sentry.SentryLevel;
import io.sentry.protocol.SentryId;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reports errors to Sentry, with every event and breadcrumb scrubbed of credentials before it
 * leaves the process. Off when no DSN is configured. The Sentry SDK is process-global: create
 * one reporter, and {@link #close()} it when the gateway stops (it installs no shutdown hook and
 * no uncaught-exception handler of its own, so the composition root stays in charge of both).
 */
public final class SentryErrorReporter implements ErrorReporter, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SentryErrorReporter.class);
    private static final Duration FLUSH_TIMEOUT = Duration.ofSeconds(5);

    /** Thrown (not raised) to give the test event a stack trace and an error level. */
    static final class SentryTestException extends RuntimeException {
        SentryTestException() {
            super("Harbor gateway: test event from POST /diagnostics/sentry-test");
        }
    }

    private final boolean enabled;

    /**
     * @param dsn         the project's DSN; {@code null} or blank turns reporting off
     * @param release     e.g. {@code harbor@0.1.0}; may be {@code null}
     * @param environment e.g. {@code production}; may be {@code null}
     * @throws IllegalArgumentException when the DSN is malformed
     */
    public SentryErrorReporter(String dsn, String release, String environment) {
        this.enabled = dsn != null && !dsn.isBlank();
        if (!enabled) {
            log.info("Sentry error reporting is off (no DSN configured)");
            return;
        }
        Sentry.init(options -> {
            options.setDsn(dsn.strip());
            options.setRelease(release);
            options.setEnvironment(environment);
            options.setSendDefaultPii(false);
            options.setEnableExternalConfiguration(false);
            options.setEnableUncaughtExceptionHandler(false);
            options.setEnableShutdownHook(false);
            options.setEnableAutoSessionTracking(false);
            options.setSendClientReports(false);
            options.setFlushTimeoutMillis(FLUSH_TIMEOUT.toMillis());
            options.setShutdownTimeoutMillis(FLUSH_TIMEOUT.toMillis());
            options.setBeforeSend((event, hint) -> SecretScrubber.scrub(event));
            options.setBeforeBreadcrumb((breadcrumb, hint) -> SecretScrubber.scrub(breadcrumb));
        });
        log.info("Sentry error reporting is on (environment {}, release {})", environment, release);
    }

    @Override
    public Optional<String> report(Throwable error, String context) {
        if (!enabled) {
            return Optional.empty();
        }
        SentryId id = Sentry.captureException(error, scope -> {
            if (context != null) {
                scope.setTag("harbor.context", SecretScrubber.scrub(context));
            }
        });
        return idOf(id);
    }

    /** Sends a test error event and waits (up to 5 s) until it has been handed to Sentry. */
    @Override
    public Optional<String> sendTestEvent() {
        if (!enabled) {
            return Optional.empty();
        }
        SentryId id = Sentry.captureException(new SentryTestException(), scope -> {
            scope.setLevel(SentryLevel.ERROR);
            scope.setTag("harbor.context", "sentry-test");
        });
        Sentry.flush(FLUSH_TIMEOUT.toMillis());
        return idOf(id);
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    /** Delivers what is queued (up to 5 s) and shuts the SDK down. */
    @Override
    public void close() {
        if (enabled) {
            Sentry.flush(FLUSH_TIMEOUT.toMillis());
            Sentry.close();
        }
    }

    private static Optional<String> idOf(SentryId id) {
        return id == null || SentryId.EMPTY_ID.equals(id) ? Optional.empty() : Optional.of(id.toString());
    }
}
