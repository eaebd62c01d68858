package dev.harbor.application.locker;

import dev.harbor.application.controller.ControllerRuntime;
import dev.harbor.application.port.LockBoard;
import dev.harbor.application.port.LockerStore;
import dev.harbor.domain.locker.Locker;
import java.time.Clock;

/**
 * Pulses one locker's lock under the door-open policy, and keeps what the board said: the door
 * reading on the locker, the counters on its controller. Holds no lock while the board works.
 */
public final class DoorOpener {

    private final LockBoard board;
    private final DoorOpenPolicy policy;
    private final LockerStore lockers;
    private final ControllerRuntime runtime;
    private final Clock clock;

    public DoorOpener(LockBoard board, DoorOpenPolicy policy, LockerStore lockers, ControllerRuntime runtime, Clock clock) {
        this.board = board;
        this.policy = policy;
        this.lockers = lockers;
        this.runtime = runtime;
        this.clock = clock;
    }

    public OpenResult open(Locker locker) {
        DoorOpenOutcome outcome = policy.open(board, locker.controllerId(), locker.bankLockerNumber());
        if (outcome instanceof DoorOpenOutcome.Opened opened) {
            runtime.openSucceeded(locker.controllerId());
            if (opened.doorOpen() != null) {
                lockers.updateDoorOpen(locker.id(), opened.doorOpen());
            }
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
}
