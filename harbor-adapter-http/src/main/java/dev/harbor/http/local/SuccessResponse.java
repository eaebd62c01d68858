package dev.harbor.http.local;

/** {@code { "success": true }}: the doc's answer to {@code PATCH /lockers/{lockerId}}. */
public record SuccessResponse(boolean success) {

    public static final SuccessResponse OK = new SuccessResponse(true);
}
