package dev.harbor.application.locker;

import dev.harbor.application.audit.Auditor;
import dev.harbor.application.controller.ControllerRuntime;
import dev.harbor.application.port.BoardObserver;
import dev.harbor.application.port.ControllerStore;
import dev.harbor.application.port.GatewayMetrics;
import dev.harbor.application.port.LayoutStore;
import dev.harbor.application.port.LockBoard;
import dev.harbor.application.port.LockerStore;
import dev.harbor.application.port.TransactionStore;
import dev.harbor.domain.device.DeviceStateMachine;
import java.time.Clock;
import java.time.Duration;

/**
 * The locker use cases, built over the driven ports. It exists because the application is
 * assembled in another package: the services behind these ports stay package-private, and the
 * assembly sees only what it hands out.
 *
 * <p>Door sensing is built on its own, first: the lock boards need it as their observer before
 * the doors can be opened through them.
 */
public record LockerUseCases(
        QueryLockers query, OpenLocker open, UpdateServiceState updateServiceState, OpenAllLockers openAll) {

    /**
     * @param doorOpenSettings read once per open, so a settings change applies to the next one
     * @param openAllGap       the pause between two locks of one bus during open-all (their power draw)
     * @param metrics          told of every open of an own board's lock
     */
    public static LockerUseCases over(
            LockerStore lockers,
            ControllerStore controllers,
            TransactionStore transactions,
            LayoutStore layout,
            LockBoard board,
            CurrentDoorOpenSettings doorOpenSettings,
            ControllerRuntime runtime,
            LockerAvailability availability,
            RemoteDoors remoteDoors,
            Auditor auditor,
            Duration openAllGap,
            Clock clock,
            GatewayMetrics metrics) {
        DoorOpener doorOpener = new DoorOpener(board, new DoorOpenPolicy(doorOpenSettings), runtime, metrics, clock);
        LockerService service = new LockerService(
                lockers, controllers, transactions, layout, runtime, availability, doorOpener, remoteDoors, auditor);
        OpenAllService openAll = new OpenAllService(lockers, controllers, doorOpener, auditor, openAllGap);
        return new LockerUseCases(service, service, service, openAll);
    }

    /** Turns the boards' status polls into door readings, state changes and controller health. */
    public static BoardObserver doorSensing(
            LockerStore lockers, ControllerRuntime runtime, DeviceStateMachine machine, GatewayMetrics metrics) {
        return new DoorSensing(lockers, runtime, machine, metrics);
    }

    public static SweepDeadlines deadlineSweep(LockerStore lockers, DeviceStateMachine machine, Clock clock) {
        return new DeadlineSweep(lockers, machine, clock);
    }
}
