package dev.harbor.application.locker;

import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.RetryPolicy;
import dev.harbor.application.port.BoardCommunicationException;
import dev.harbor.application.port.LockBoard;
import dev.harbor.application.port.LockHardwareFault;
import dev.harbor.application.port.OpenConfirmation;
import dev.harbor.domain.controller.ControllerId;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The door-open policy of local-api.md: each attempt bounded by its own timeout, communication
 * failures retried after a pause, hardware faults never retried. The numbers are read for every
 * open, so a change through {@code PATCH /system} applies to the next one.
 *
 * <p>Each attempt has exactly one timeout: the deadline handed to {@link LockBoard#open}. It
 * travels with the request to the bus, which drops a request whose deadline passed before it was
 * sent and stops reading at it, so a timed-out attempt is really over before the next one is
 * queued. A second timeout around the call (Failsafe's {@code Timeout}) could only stop the
 * waiting thread, leave the request on the bus to race with its retry, and make two numbers
 * disagree about when an attempt ends.
 */
public final class DoorOpenPolicy {

    private static final Logger log = LoggerFactory.getLogger(DoorOpenPolicy.class);

    private final CurrentDoorOpenSettings settings;

    public DoorOpenPolicy(CurrentDoorOpenSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    public DoorOpenOutcome open(LockBoard board, ControllerId controller, int lockNumber) {
        DoorOpenSettings current = settings.doorOpenSettings();
        AtomicInteger attempts = new AtomicInteger();
        RetryPolicy<OpenConfirmation> retry = RetryPolicy.<OpenConfirmation>builder()
                // A board that misses its deadline throws BoardCommunicationException: retried like
                // any other communication failure.
                .handle(BoardCommunicationException.class)
                .withMaxAttempts(current.maxAttempts())
                .withDelay(current.delay())
                .onRetry(e -> log.info(
                        "Retrying open of lock {} on controller {} after: {}",
                        lockNumber,
                        controller,
                        describe(e.getLastException())))
                .build();
        try {
            OpenConfirmation confirmation = Failsafe.with(retry).get(() -> {
                attempts.incrementAndGet();
                return board.open(controller, lockNumber, current.attemptTimeout());
            });
            return new DoorOpenOutcome.Opened(confirmation.doorOpen(), attempts.get());
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
