package dev.harbor.http.internal;

import dev.harbor.domain.transaction.TransactionId;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;

/**
 * Path and query parameters, parsed strictly: a value that can never name anything (not a
 * positive number, an id of a forbidden shape, 10 KB of text) is a 400, not a 404.
 */
public final class Params {

    private static final int MAX_ECHO = 64;
    private static final Instant EARLIEST_INSTANT = Instant.parse("0000-01-01T00:00:00Z");
    private static final Instant LATEST_INSTANT = Instant.parse("9999-12-31T23:59:59.999999999Z");

    private Params() {}

    /** A positive {@code long} path parameter ({@code lockerId}, {@code bankTypeId} …). */
    public static long positiveId(Context ctx, String name) {
        String raw = ctx.pathParam(name);
        return parsePositive(raw)
                .orElseThrow(() -> ApiError.invalid(name + " must be a positive integer", Map.of(name, echo(raw))));
    }

    public static TransactionId transactionId(Context ctx) {
        return new TransactionId(ctx.pathParam("transactionId"));
    }

    public static Optional<Long> positiveQuery(Context ctx, String name) {
        String raw = ctx.queryParam(name);
        if (raw == null) {
            return Optional.empty();
        }
        return Optional.of(parsePositive(raw)
                .orElseThrow(() -> ApiError.invalid(name + " must be a positive integer", Map.of(name, echo(raw)))));
    }

    public static Optional<Integer> intQuery(Context ctx, String name, int min, int max) {
        String raw = ctx.queryParam(name);
        if (raw == null) {
            return Optional.empty();
        }
        try {
            int value = Integer.parseInt(raw);
            if (value >= min && value <= max) {
                return Optional.of(value);
            }
        } catch (NumberFormatException e) {
            // falls through to the error below
        }
        throw ApiError.invalid(name + " must be an integer from " + min + " to " + max, Map.of(name, echo(raw)));
    }

    public static Optional<Boolean> booleanQuery(Context ctx, String name) {
        String raw = ctx.queryParam(name);
        if (raw == null) {
            return Optional.empty();
        }
        if (raw.equals("true") || raw.equals("false")) {
            return Optional.of(Boolean.parseBoolean(raw));
        }
        throw ApiError.invalid(name + " must be true or false", Map.of(name, echo(raw)));
    }

    /**
     * An ISO-8601 UTC timestamp of the years 0000 to 9999, as the API writes them: an expanded
     * year ({@code +999999999-12-31T23:59:59Z}) is refused, not handed to stores that count in
     * epoch milliseconds.
     */
    public static Optional<Instant> instantQuery(Context ctx, String name) {
        String raw = ctx.queryParam(name);
        if (raw == null) {
            return Optional.empty();
        }
        try {
            Instant instant = Instant.parse(raw);
            if (!instant.isBefore(EARLIEST_INSTANT) && !instant.isAfter(LATEST_INSTANT)) {
                return Optional.of(instant);
            }
        } catch (DateTimeParseException e) {
            // falls through to the error below
        }
        throw ApiError.invalid(
                name + " must be an ISO-8601 UTC timestamp from year 0000 to 9999, such as 2026-02-20T22:56:40.123Z",
                Map.of(name, echo(raw)));
    }

    public static Optional<Long> parsePositive(String raw) {
        if (raw == null || raw.isEmpty() || raw.length() > 19) {
            return Optional.empty();
        }
        for (int i = 0; i < raw.length(); i++) {
            if (raw.charAt(i) < '0' || raw.charAt(i) > '9') {
                return Optional.empty();
            }
        }
        try {
            long value = Long.parseLong(raw);
            return value > 0 ? Optional.of(value) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** What may be repeated back to the client in {@code details}: never more than 64 characters. */
    public static String echo(String raw) {
        if (raw == null) {
            return "";
        }
        return raw.length() <= MAX_ECHO ? raw : raw.substring(0, MAX_ECHO) + "…";
    }
}
