package dev.harbor.http.local;

import dev.harbor.application.locker.LockerView;
import dev.harbor.domain.locker.ExternalDevice;
import dev.harbor.domain.locker.Locker;
import dev.harbor.domain.locker.ServiceState;
import java.time.Instant;

/**
 * {@code Locker} (local-api.md). {@code transactionId} is whoever holds the locker. For an external
 * locker (a Bikeep device, bikeep.md) the state is the device's own and there is no door sensor.
 */
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
        String reason,
        External external) {

    /** {@code external}: the device in the remote site's cloud; {@code null} for our own boards. */
    public record External(String system, String deviceId, String alias, String code) {

        static External from(ExternalDevice device) {
            return device == null
                    ? null
                    : new External(device.system(), device.deviceId(), device.alias(), device.code());
        }
    }

    public static LockerResponse from(LockerView view) {
        Locker locker = view.locker();
        ServiceState service = locker.service();
        return new LockerResponse(
                locker.id().value(),
                locker.controllerId().value(),
                locker.bankLockerNumber(),
                LockerTypeSummary.from(view.type()),
                view.state().name(),
                view.stateChangedAt(),
                view.stateTimeoutAt(),
                locker.device().holder(),
                view.available(),
                view.operational(),
                service.outOfService(),
                locker.isExternal() ? null : locker.doorOpen(),
                service.reasonCode() == null ? null : service.reasonCode().name(),
                service.reason(),
                External.from(locker.external()));
    }
}
