package dev.harbor.http.local;

import dev.harbor.application.locker.OpenAllLockers;
import dev.harbor.application.locker.OpenResult;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code OpenAllLockersResponse} (200) and {@code MultiStatusOperationResponse} (207): the same
 * shape, one entry per locker.
 */
public record OpenAllLockersResponse(
        boolean success, int total, int succeeded, int failed, List<LockerOperationResponse> results) {

    public static OpenAllLockersResponse from(OpenAllLockers.Report report) {
        List<LockerOperationResponse> results = new ArrayList<>();
        for (OpenResult result : report.results()) {
            results.add(entry(result));
        }
        int succeeded =
                (int) results.stream().filter(LockerOperationResponse::success).count();
        return new OpenAllLockersResponse(
                succeeded == results.size(), results.size(), succeeded, results.size() - succeeded, results);
    }

    private static LockerOperationResponse entry(OpenResult result) {
        if (result instanceof OpenResult.Opened opened) {
            return LockerOperationResponse.from(opened);
        }
        if (result instanceof OpenResult.HardwareFault fault) {
            return LockerOperationResponse.from(fault);
        }
        if (result instanceof OpenResult.ControllerUnavailable unavailable) {
            return LockerOperationResponse.from(unavailable);
        }
        if (result instanceof OpenResult.Busy busy) {
            return LockerOperationResponse.from(busy);
        }
        // LockerNotFound / TransactionNotFound cannot come from opening every existing locker.
        throw new IllegalStateException("unexpected result of open-all: " + result);
    }
}
