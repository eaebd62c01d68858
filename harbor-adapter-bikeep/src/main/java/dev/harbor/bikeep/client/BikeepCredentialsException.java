package dev.harbor.bikeep.client;

import java.time.Instant;

/**
 * The token endpoint refused the client id and secret. Every API call fails with this until the
 * credentials are accepted.
 *
 * <p>Refusals back off: after one, the client does not ask the token endpoint again before {@link
 * #nextAttemptAt()}; calls in between fail at once with this exception, without any request. The
 * wait doubles with each refusal in a row (by default 5 s, 10 s, 20 s … up to 5 min) and resets
 * once a token is issued.
 */
public final class BikeepCredentialsException extends BikeepException {

    private static final long serialVersionUID = 1L;

    private final Instant nextAttemptAt;

    public BikeepCredentialsException(
            String message, int statusCode, String errorCode, String correlationId, Instant nextAttemptAt) {
        super(message, statusCode, errorCode, correlationId, null);
        this.nextAttemptAt = nextAttemptAt;
    }

    /** The earliest time the client asks the token endpoint again. */
    public Instant nextAttemptAt() {
        return nextAttemptAt;
    }
}
