package dev.harbor.http.internal;

import java.util.Map;

/**
 * An answer that is an {@code Error} body: thrown by handlers and helpers, written by
 * {@link ErrorHandling}. It carries no stack trace because it is an expected outcome, not a bug.
 */
public final class ApiError extends RuntimeException {

    private final int status;
    private final String code;
    private final Map<String, String> details;

    public ApiError(int status, String code, String message, Map<String, String> details) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.details = Map.copyOf(details);
    }

    public static ApiError invalid(String message, Map<String, String> details) {
        return new ApiError(400, "INVALID_REQUEST", message, details);
    }

    public static ApiError invalidField(String field, String message) {
        return invalid(message, Map.of("field", field));
    }

    public static ApiError notFound(String code, String message, Map<String, String> details) {
        return new ApiError(404, code, message, details);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public Map<String, String> details() {
        return details;
    }
}
