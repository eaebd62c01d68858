package dev.harbor.application;

import dev.harbor.application.port.RemoteSiteException;
import java.util.Objects;
import java.util.Optional;

/**
 * Why the remote site (Bikeep) did not do what was asked: for the answer of any use case that
 * reaches it (allowlists, a location added as a controller, a command to one of its devices).
 *
 * @param correlationId the remote site's id of the failed call, to quote when asking its operator
 */
public record RemoteProblem(Kind kind, Optional<String> correlationId) {

    public enum Kind {
        /** It could not be reached or could not serve the call now (including refusing the gateway's credentials). */
        UNAVAILABLE,
        /** It does not know the location or allowlist named. */
        NOT_FOUND,
        /** It answered and refused the request. */
        REFUSED
    }

    public RemoteProblem {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(correlationId, "correlationId");
    }

    /** What a failed call to the remote site means for the use case that made it. */
    public static RemoteProblem of(RemoteSiteException e) {
        Kind kind = switch (e.kind()) {
            case UNAVAILABLE -> Kind.UNAVAILABLE;
            case NOT_FOUND -> Kind.NOT_FOUND;
            case REFUSED -> Kind.REFUSED;
        };
        return new RemoteProblem(kind, e.correlationId());
    }
}
