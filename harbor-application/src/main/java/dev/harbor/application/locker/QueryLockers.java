package dev.harbor.application.locker;

import dev.harbor.domain.controller.Controller;
import dev.harbor.domain.layout.LockerType;
import dev.harbor.domain.locker.LockerId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Reading lockers and the physical layout. */
public interface QueryLockers {

    /** Lockers matching the filter, ordered by id. */
    List<LockerView> list(LockerFilter filter);

    Optional<LockerView> find(LockerId id);

    /** The whole physical layout: every controller with its lockers. */
    List<ControllerLayout> layout();

    record ControllerLayout(Controller controller, boolean online, Instant lastSeenAt, List<Slot> lockers) {}

    record Slot(LockerId lockerId, int bankLockerNumber, LockerType lockerType) {}
}
