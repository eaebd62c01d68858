package dev.harbor.http.local;

import dev.harbor.application.locker.OpenResult;

/** {@code LockerOperationResponse} (doc): the outcome of opening one door. */
public record LockerOperationResponse(boolean success, long lockerId, Boolean doorOpen, String message) {

    public static LockerOperationResponse from(OpenResult.Opened opened) {
        return new LockerOperationResponse(true, opened.lockerId().value(), opened.doorOpen(), "Locker opened");
    }

    public static LockerOperationResponse from(OpenResult.HardwareFault fault) {
        return new LockerOperationResponse(false, fault.lockerId().value(), null, fault.message());
    }

    public static LockerOperationResponse from(OpenResult.ControllerUnavailable unavailable) {
        return new LockerOperationResponse(false, unavailable.lockerId().value(), null, unavailable.message());
    }

    public static LockerOperationResponse from(OpenResult.Busy busy) {
        return new LockerOperationResponse(false, busy.lockerId().value(), null, busy.message());
    }
}
