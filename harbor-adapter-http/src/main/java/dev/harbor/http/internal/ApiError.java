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
    private final boolean asksForCredentials;

    public ApiError(int status, String code, String message, Map<String, String> details) {
        this(status, code, message, details, false);
    }

    private ApiError(int status, String code, String message, Map<String, String> details, boolean asksForCredentials) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.details = Map.copyOf(details);
        this.asksForCredentials = asksForCredentials;
    }

    /**
     * A 401 that admin credentials would cure: the answer carries the Basic challenge. A 401 for
     * something else (a webhook's wrong hash) does not ask for credentials nobody could give.
     */
    public static ApiError credentialsRequired(String message) {
        return new ApiError(401, "UNAUTHORIZED", message, Map.of(), true);
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

    public boolean asksForCredentials() {
        return asksForCredentials;
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
