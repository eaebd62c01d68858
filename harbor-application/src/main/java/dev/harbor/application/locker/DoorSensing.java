package dev.harbor.application.locker;

import dev.harbor.application.controller.ControllerRuntime;
import dev.harbor.application.port.BoardObserver;
import dev.harbor.application.port.BoardStatus;
import dev.harbor.application.port.GatewayMetrics;
import dev.harbor.application.port.LockerStore;
import dev.harbor.domain.controller.ControllerId;
import dev.harbor.domain.device.DeviceInput;
import dev.harbor.domain.device.DeviceStateMachine;
import dev.harbor.domain.device.HardwareEvent;
import dev.harbor.domain.device.Transition;
import dev.harbor.domain.locker.Locker;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the boards' status polls into state: an answer is a heartbeat, a changed door bit is a
 * {@code DOOR_OPENED}/{@code DOOR_CLOSED} input for the locker's state machine and a new
 * {@code doorOpen} reading, silence makes the controller's lockers non-operational.
 */
final class DoorSensing implements BoardObserver {

    private static final Logger log = LoggerFactory.getLogger(DoorSensing.class);
    private static final int MAX_CAS_TRIES = 5;

    private final LockerStore lockers;
    private final ControllerRuntime runtime;
    private final DeviceStateMachine machine;
    private final GatewayMetrics metrics;
    /** The last reading per controller, so an unchanged poll costs no database work. */
    private final Map<ControllerId, BoardStatus> lastStatus = new ConcurrentHashMap<>();

    DoorSensing(LockerStore lockers, ControllerRuntime runtime, DeviceStateMachine machine, GatewayMetrics metrics) {
        this.lockers = lockers;
        this.runtime = runtime;
        this.machine = machine;
        this.metrics = metrics;
    }

    @Override
    public void statusRead(ControllerId controller, BoardStatus status, Instant at) {
        metrics.boardPolled(true);
        boolean wasOnline = runtime.isOperational(controller);
        runtime.answered(controller, at);
        if (!wasOnline) {
            log.info("Controller {} answers", controller);
        }
        BoardStatus previous = lastStatus.put(controller, status);
        if (status.equals(previous)) {
            return;
        }
        for (Locker locker : lockers.findByController(controller)) {
            BoardStatus.LockReading reading = status.locks().get(locker.bankLockerNumber());
            if (reading == null || Objects.equals(locker.doorOpen(), reading.doorOpen())) {
                continue;
            }
            lockers.updateDoorOpen(locker.id(), reading.doorOpen());
            // The first reading after start-up is not an event: nobody opened the door just now.
            if (locker.doorOpen() != null) {
                feed(locker, reading.doorOpen() ? HardwareEvent.DOOR_OPENED : HardwareEvent.DOOR_CLOSED, at);
            }
        }
    }

    @Override
    public void statusFailed(ControllerId controller, String reason, Instant at) {
        metrics.boardPolled(false);
        if (runtime.isOperational(controller)) {
            log.warn("Controller {} does not answer: {}", controller, reason);
        } else if (runtime.snapshot(controller)
                .filter(s -> ControllerRuntime.AWAITING_FIRST_ANSWER.equals(s.offlineReason()))
                .isPresent()) {
            // Said once: the board has never answered since it was attached (miswired, missing, wrong address).
            log.warn("Controller {} has not answered since it was attached: {}", controller, reason);
        }
        runtime.silent(controller, reason, at);
        lastStatus.remove(controller);
    }

    private void feed(Locker locker, HardwareEvent event, Instant at) {
        Locker current = locker;
        for (int i = 0; i < MAX_CAS_TRIES; i++) {
            // Deadlines that passed before the event count first (the machine never expires on its own).
            Transition transition = machine.apply(machine.statusAt(current.device(), at), DeviceInput.event(event), at);
            if (!(transition instanceof Transition.Moved moved)) {
                log.debug(
                        "Locker {}: {} ignored in {}",
                        locker.id(),
                        event,
                        current.device().state());
                return;
            }
            if (lockers.compareAndSetDevice(current.id(), current.device(), moved.to())) {
                moved.anomalyReason().ifPresent(a -> log.warn("Locker {}: {}", locker.id(), a));
                return;
            }
            // Someone else (a release, a create) changed the locker meanwhile: decide again on fresh state.
            var fresh = lockers.find(locker.id());
            if (fresh.isEmpty()) {
                return;
            }
            current = fresh.get();
        }
        log.warn("Locker {}: gave up applying {} after {} concurrent changes", locker.id(), event, MAX_CAS_TRIES);
    }
}
