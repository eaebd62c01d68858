package dev.harbor.bikeep.simulator;

import java.util.Map;

/** An answer in Bikeep's error body {@code {error_message, status_code, correlation_id, error_code}}. */
final class BikeepError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private static final Map<Integer, String> CODES = Map.of(
            400, "ERRORS.BAD_REQUEST",
            401, "ERRORS.UNAUTHORIZED",
            403, "ERRORS.FORBIDDEN",
            404, "ERRORS.NOT_FOUND",
            405, "ERRORS.METHOD_NOT_ALLOWED",
            409, "ERRORS.CONFLICT",
            429, "ERRORS.TOO_MANY_REQUESTS",
            500, "ERRORS.INTERNAL_SERVER_ERROR",
            502, "ERRORS.BAD_GATEWAY",
            503, "ERRORS.SERVICE_UNAVAILABLE");

    final int status;
    final String code;

    BikeepError(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    static BikeepError of(int status, String message) {
        return new BikeepError(status, codeFor(status), message);
    }

    static BikeepError notFound(String what, String id) {
        return new BikeepError(404, "ERRORS.NOT_FOUND", what + " " + id + " not found");
    }

    static BikeepError badRequest(String message) {
        return new BikeepError(400, "ERRORS.VALIDATION_ERROR", message);
    }

    static String codeFor(int status) {
        return CODES.getOrDefault(status, "ERRORS.HTTP_" + status);
    }
}
