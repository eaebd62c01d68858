package dev.harbor.http.local;

/** {@code OperationResponse} (doc name). */
public record OperationResponse(boolean success, String message) {

    public static OperationResponse ok(String message) {
        return new OperationResponse(true, message);
    }
}
