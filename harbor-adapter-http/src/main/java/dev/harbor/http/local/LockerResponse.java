package dev.harbor.http.local;

import dev.harbor.application.locker.LockerView;
import dev.harbor.domain.device.DeviceStatus;
import dev.harbor.domain.locker.Locker;
import dev.harbor.domain.locker.ServiceState;
import java.time.Instant;

/** {@code Locker} (local-api.md). {@code transactionId} is whoever holds the locker. */
public record LockerResponse(
        long lockerId,
        long controllerId,
        int bankLockerNumber,
        LockerTypeSummary lockerType,
        String state,
        Instant stateChangedAt,
        Instant stateTimeoutAt,
        String transactionId,
        boolean available,
        boolean operational,
        boolean outOfService,
        Boolean doorOpen,
        String reasonCode,
        String reason) {

    public static LockerResponse from(LockerView view) {
        Locker locker = view.locker();
        DeviceStatus device = locker.device();
        ServiceState service = locker.service();
        return new LockerResponse(
                locker.id().value(),
                locker.controllerId().value(),
                locker.bankLockerNumber(),
                LockerTypeSummary.from(view.type()),
                device.state().name(),
                device.changedAt(),
                device.timeoutAt(),
                device.holder(),
                view.available(),
                view.operational(),
                service.outOfService(),
                locker.doorOpen(),
                service.reasonCode() == null ? null : service.reasonCode().name(),
                service.reason());
    }
}
