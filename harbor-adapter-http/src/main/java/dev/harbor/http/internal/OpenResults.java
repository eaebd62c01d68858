package dev.harbor.http.internal;

import dev.harbor.application.locker.OpenResult;
import java.util.HashMap;
import java.util.Map;

/** Maps the outcome of opening one door to an error, for every case that is not a success. */
public final class OpenResults {

    private OpenResults() {}

    /**
     * @param context what the request named ({@code lockerId} or {@code transactionId}), echoed in details
     */
    public static ApiError failure(OpenResult result, Map<String, String> context) {
        if (result instanceof OpenResult.HardwareFault fault) {
            return new ApiError(
                    500,
                    "HARDWARE_FAULT",
                    fault.message(),
                    details(context, fault.lockerId().value(), fault.attempts(), fault.remote()));
        }
        if (result instanceof OpenResult.ControllerUnavailable unavailable) {
            return new ApiError(
                    503,
                    "CONTROLLER_UNAVAILABLE",
                    unavailable.message(),
                    details(context, unavailable.lockerId().value(), unavailable.attempts(), unavailable.remote()));
        }
        if (result instanceof OpenResult.Busy busy) {
            Map<String, String> details = new HashMap<>(context);
            details.put("lockerId", Long.toString(busy.lockerId().value()));
            return new ApiError(409, "INVALID_STATE", busy.message(), details);
        }
        if (result instanceof OpenResult.LockerNotFound) {
            return ApiError.notFound("LOCKER_NOT_FOUND", "Locker does not exist", context);
        }
        if (result instanceof OpenResult.TransactionNotFound) {
            return ApiError.notFound("TRANSACTION_NOT_FOUND", "Transaction does not exist", context);
        }
        throw new IllegalStateException("not a failure: " + result);
    }

    private static Map<String, String> details(
            Map<String, String> context, long lockerId, int attempts, OpenResult.RemoteFailure remote) {
        Map<String, String> details = new HashMap<>(context);
        details.put("lockerId", Long.toString(lockerId));
        details.put("attempts", Integer.toString(attempts));
        return remote == null ? details : RemoteDetails.with(details, remote.reason(), remote.problem());
    }
}
