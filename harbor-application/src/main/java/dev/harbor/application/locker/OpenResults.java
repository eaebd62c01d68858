package dev.harbor.application.locker;

/** How an open result reads in the audit trail. */
final class OpenResults {

    private OpenResults() {}

    static String outcome(OpenResult result) {
        if (result instanceof OpenResult.Opened) {
            return "OK";
        }
        if (result instanceof OpenResult.HardwareFault) {
            return "HARDWARE_FAULT";
        }
        if (result instanceof OpenResult.ControllerUnavailable) {
            return "CONTROLLER_UNAVAILABLE";
        }
        if (result instanceof OpenResult.Busy) {
            return "INVALID_STATE";
        }
        if (result instanceof OpenResult.TransactionNotFound) {
            return "TRANSACTION_NOT_FOUND";
        }
        return "NOT_FOUND";
    }

    static String detail(OpenResult result) {
        if (result instanceof OpenResult.Opened opened) {
            return "opened after " + opened.attempts() + " attempt(s)";
        }
        if (result instanceof OpenResult.HardwareFault fault) {
            return fault.message();
        }
        if (result instanceof OpenResult.ControllerUnavailable unavailable) {
            return unavailable.message() + " after " + unavailable.attempts() + " attempt(s)";
        }
        if (result instanceof OpenResult.Busy busy) {
            return busy.message();
        }
        return null;
    }
}
