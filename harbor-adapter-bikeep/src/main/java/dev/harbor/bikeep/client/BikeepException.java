package dev.harbor.bikeep.client;

import java.util.Optional;

/**
 * Every failure of a {@link BikeepClient} call. Unchecked.
 *
 * <ul>
 *   <li>Bikeep answered with an error: {@link #statusCode()} is its HTTP status, {@link #errorCode()}
 *       its {@code error_code} (e.g. {@code ERRORS.NOT_FOUND}) and {@link #correlationId()} its
 *       {@code correlation_id}, to quote when asking Bikeep about it.
 *   <li>Bikeep could not be reached (connection refused, timeout) after the retries: {@link
 *       #statusCode()} is {@code 0} and the cause is the I/O failure.
 *   <li>{@link BikeepCredentialsException}: the token endpoint refused the credentials.
 *   <li>{@link BikeepOutcomeUnknownException}: a command was sent but no answer came back; it may or
 *       may not have reached the device.
 * </ul>
 *
 * <p>The message never contains the client secret or a token.
 */
public sealed class BikeepException extends RuntimeException
        permits BikeepCredentialsException, BikeepOutcomeUnknownException {

    private static final long serialVersionUID = 1L;

    private final int statusCode;
    private final String errorCode;
    private final String correlationId;

    public BikeepException(String message, int statusCode, String errorCode, String correlationId, Throwable cause) {
        super(message, cause);
        this.statusCode = statusCode;
        this.errorCode = errorCode;
        this.correlationId = correlationId;
    }

    /** Bikeep's HTTP status, or {@code 0} when no answer came. */
    public int statusCode() {
        return statusCode;
    }

    /** Bikeep's {@code error_code}, when its answer had one. */
    public Optional<String> errorCode() {
        return Optional.ofNullable(errorCode);
    }

    /** Bikeep's {@code correlation_id}, when its answer had one. */
    public Optional<String> correlationId() {
        return Optional.ofNullable(correlationId);
    }
}
