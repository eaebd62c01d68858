package dev.harbor.application.locker;

import dev.harbor.application.controller.ControllerRuntime;
import dev.harbor.application.port.GatewayMetrics;
import dev.harbor.application.port.LockBoard;
import dev.harbor.domain.locker.Locker;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pulses one locker's lock under the door-open policy and counts the outcome on its controller.
 * Holds no lock while the board works.
 *
 * <p>It does not store the door reading the board gave: door sensing is the one writer of
 * {@code doorOpen}, so that the opening is seen there as a change and becomes the
 * {@code DOOR_OPENED} input of the locker's state machine (a booked locker whose door opened and
 * closed again is occupied).
 */
final class DoorOpener {

    private static final Logger log = LoggerFactory.getLogger(DoorOpener.class);

    private final LockBoard board;
    private final DoorOpenPolicy policy;
    private final ControllerRuntime runtime;
    private final GatewayMetrics metrics;
    private final Clock clock;

    DoorOpener(LockBoard board, DoorOpenPolicy policy, ControllerRuntime runtime, GatewayMetrics metrics, Clock clock) {
        this.board = board;
        this.policy = policy;
        this.runtime = runtime;
        this.metrics = metrics;
        this.clock = clock;
    }

    OpenResult open(Locker locker) {
        long started = System.nanoTime();
        DoorOpenOutcome outcome;
        try {
            outcome = policy.open(board, locker.controllerId(), locker.bankLockerNumber());
        } catch (RuntimeException e) {
            // A board driver's bug must cost this one door, not an open-all report or a 500.
            log.error("Opening locker {} failed unexpectedly", locker.id(), e);
            outcome = new DoorOpenOutcome.Unreachable(
                    "unexpected failure: " + e.getClass().getSimpleName(), 1);
        }
        long elapsed = System.nanoTime() - started;
        metrics.doorOpened(
                runtime.protocol(locker.controllerId()).orElse(null), outcomeOf(outcome), outcome.attempts(), elapsed);
        if (outcome instanceof DoorOpenOutcome.Opened opened) {
            runtime.openSucceeded(locker.controllerId());
            return new OpenResult.Opened(locker.id(), opened.doorOpen(), opened.attempts());
        }
        if (outcome instanceof DoorOpenOutcome.HardwareFailed failed) {
            runtime.openFailed(locker.controllerId(), failed.message(), clock.instant());
            return new OpenResult.HardwareFault(locker.id(), failed.message(), failed.attempts());
        }
        DoorOpenOutcome.Unreachable unreachable = (DoorOpenOutcome.Unreachable) outcome;
        runtime.openFailed(locker.controllerId(), unreachable.message(), clock.instant());
        return new OpenResult.ControllerUnavailable(locker.id(), unreachable.message(), unreachable.attempts());
    }

    private static GatewayMetrics.OpenOutcome outcomeOf(DoorOpenOutcome outcome) {
        if (outcome instanceof DoorOpenOutcome.Opened) {
            return GatewayMetrics.OpenOutcome.OPENED;
        }
        if (outcome instanceof DoorOpenOutcome.HardwareFailed) {
            return GatewayMetrics.OpenOutcome.HARDWARE_FAULT;
        }
        return GatewayMetrics.OpenOutcome.UNREACHABLE;
    }
}
