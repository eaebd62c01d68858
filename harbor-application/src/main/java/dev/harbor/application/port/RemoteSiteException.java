package dev.harbor.application.port;

import java.util.Objects;
import java.util.Optional;

/**
 * A call to a remote site's cloud (Bikeep) that did not do what was asked. Thrown by {@link
 * RemoteSites}, {@link RemoteAllowlists} and the remote ports that come after them. The message is
 * for logs and never holds a secret (client secret, token).
 */
public final class RemoteSiteException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What went wrong, as far as the caller can act on it. */
    public enum Kind {
        /**
         * No usable answer: the cloud could not be reached, answered 5xx or 429 after the retries,
         * or refused the gateway's own credentials. Trying again later may work.
         */
        UNAVAILABLE,
        /** The cloud does not know the location, allowlist or device named. */
        NOT_FOUND,
        /** The cloud answered and refused the request itself (any other 4xx). */
        REFUSED
    }

    private final Kind kind;
    private final transient String correlationId;

    public RemoteSiteException(Kind kind, String message, String correlationId, Throwable cause) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.correlationId = correlationId;
    }

    public Kind kind() {
        return kind;
    }

    /** The cloud's id of the failed call ({@code correlation_id}), to quote when asking its operator. */
    public Optional<String> correlationId() {
        return Optional.ofNullable(correlationId);
    }
}
