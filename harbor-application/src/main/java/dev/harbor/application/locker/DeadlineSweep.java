package dev.harbor.application.locker;

import dev.harbor.application.port.LockerStore;
import dev.harbor.domain.device.DeviceStateMachine;
import dev.harbor.domain.device.Transition;
import dev.harbor.domain.locker.Locker;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies {@code TIMEOUT} to every locker whose state deadline has passed (a user who never closed
 * the door, a booking that expired). Run periodically by the composition root.
 */
final class DeadlineSweep implements SweepDeadlines {

    private static final Logger log = LoggerFactory.getLogger(DeadlineSweep.class);

    private final LockerStore lockers;
    private final DeviceStateMachine machine;
    private final Clock clock;

    DeadlineSweep(LockerStore lockers, DeviceStateMachine machine, Clock clock) {
        this.lockers = lockers;
        this.machine = machine;
        this.clock = clock;
    }

    @Override
    public int sweep() {
        Instant now = clock.instant();
        int moved = 0;
        for (Locker locker : lockers.findAll()) {
            if (!locker.device().isDue(now)) {
                continue;
            }
            // One sweep may pass several deadlines in turn (an expired booking under an expired lock).
            List<Transition.Moved> moves = machine.expireIfDue(locker.device(), now);
            if (!moves.isEmpty()
                    && lockers.compareAndSetDevice(
                            locker.id(),
                            locker.device(),
                            moves.get(moves.size() - 1).to())) {
                moved++;
                moves.forEach(m -> m.anomalyReason().ifPresent(a -> log.warn("Locker {}: {}", locker.id(), a)));
            }
        }
        return moved;
    }
}
