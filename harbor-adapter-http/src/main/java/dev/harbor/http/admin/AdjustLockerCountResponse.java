package dev.harbor.http.admin;

import dev.harbor.application.controller.ManageControllers;
import dev.harbor.domain.locker.LockerId;
import java.util.List;

/** {@code AdjustLockerCountResponse} (admin-api.md). */
public record AdjustLockerCountResponse(
        long controllerId, int previousCount, int lockerCount, List<Long> addedLockerIds, List<Long> removedLockerIds) {

    public static AdjustLockerCountResponse from(ManageControllers.AdjustResult.Adjusted adjusted) {
        return new AdjustLockerCountResponse(
                adjusted.id().value(),
                adjusted.previousCount(),
                adjusted.lockerCount(),
                adjusted.added().stream().map(LockerId::value).toList(),
                adjusted.removed().stream().map(LockerId::value).toList());
    }
}
