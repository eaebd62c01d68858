package dev.harbor.application.locker;

import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.RetryPolicy;
import dev.failsafe.Timeout;
import dev.failsafe.TimeoutExceededException;
import dev.harbor.application.port.BoardCommunicationException;
import dev.harbor.application.port.LockBoard;
import dev.harbor.application.port.LockHardwareFault;
import dev.harbor.application.port.OpenConfirmation;
import dev.harbor.domain.controller.ControllerId;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The door-open policy of local-api.md: each attempt bounded by its own timeout, communication
 * failures retried after a pause, hardware faults never retried. The numbers are read for every
 * open, so a change through {@code PATCH /system} applies to the next one.
 */
public final class DoorOpenPolicy {

    private static final Logger log = LoggerFactory.getLogger(DoorOpenPolicy.class);

    private final Supplier<DoorOpenSettings> settings;

    public DoorOpenPolicy(Supplier<DoorOpenSettings> settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    public DoorOpenOutcome open(LockBoard board, ControllerId controller, int lockNumber) {
        DoorOpenSettings current = settings.get();
        AtomicInteger attempts = new AtomicInteger();
        RetryPolicy<OpenConfirmation> retry = RetryPolicy.<OpenConfirmation>builder()
                // The timeout sits inside the retry (Failsafe.with(retry, timeout)), so a timed-out
                // attempt is a communication failure like any other and is retried.
                .handle(BoardCommunicationException.class, TimeoutExceededException.class)
                .withMaxAttempts(current.maxAttempts())
                .withDelay(current.delay())
                .onRetry(e -> log.info(
                        "Retrying open of lock {} on controller {} after: {}",
                        lockNumber,
                        controller,
                        describe(e.getLastException())))
                .build();
        Timeout<OpenConfirmation> attemptTimeout = Timeout.<OpenConfirmation>builder(current.attemptTimeout())
                .withInterrupt()
                .build();
        try {
            OpenConfirmation confirmation = Failsafe.with(retry, attemptTimeout).get(() -> {
                attempts.incrementAndGet();
                return board.open(controller, lockNumber, current.attemptTimeout());
            });
            return new DoorOpenOutcome.Opened(confirmation.doorOpen(), attempts.get());
        } catch (TimeoutExceededException e) {
            return new DoorOpenOutcome.Unreachable(
                    "no answer within " + current.attemptTimeout().toMillis() + " ms", attempts.get());
        } catch (FailsafeException e) {
            Throwable cause = e.getCause();
            if (cause instanceof LockHardwareFault fault) {
                return new DoorOpenOutcome.HardwareFailed(fault.getMessage(), attempts.get());
            }
            if (cause instanceof BoardCommunicationException failure) {
                return new DoorOpenOutcome.Unreachable(failure.getMessage(), attempts.get());
            }
            if (cause instanceof InterruptedException) {
                Thread.currentThread().interrupt();
                return new DoorOpenOutcome.Unreachable("interrupted", attempts.get());
            }
            throw e;
        }
    }

    private static String describe(Throwable error) {
        return error == null ? "unknown" : error.getClass().getSimpleName() + ": " + error.getMessage();
    }
}
