package dev.harbor.application;

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
}
