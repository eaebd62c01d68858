package dev.harbor.http.local;

import dev.harbor.application.locker.QueryLockers;
import dev.harbor.domain.controller.Controller;
import java.time.Instant;
import java.util.List;

/** {@code LockerConfig} (local-api.md): the whole physical layout, controller by controller. */
public record LockerConfigResponse(List<LockController> controllers) {

    public record LockController(
            long controllerId,
            String name,
            String protocol,
            Long bankTypeId,
            int lockerCount,
            boolean online,
            Instant lastSeenAt,
            List<Slot> lockers) {

        public static LockController from(QueryLockers.ControllerLayout layout) {
            Controller controller = layout.controller();
            return new LockController(
                    controller.id().value(),
                    controller.name(),
                    controller.endpoint().protocol().id(),
                    controller.bankTypeId() == null
                            ? null
                            : controller.bankTypeId().value(),
                    controller.lockerCount(),
                    layout.online(),
                    layout.lastSeenAt(),
                    layout.lockers().stream().map(Slot::from).toList());
        }
    }

    public record Slot(long lockerId, int bankLockerNumber, LockerTypeSummary lockerType) {

        public static Slot from(QueryLockers.Slot slot) {
            return new Slot(
                    slot.lockerId().value(), slot.bankLockerNumber(), LockerTypeSummary.from(slot.lockerType()));
        }
    }

    public static LockerConfigResponse from(List<QueryLockers.ControllerLayout> layout) {
        return new LockerConfigResponse(
                layout.stream().map(LockController::from).toList());
    }
}
