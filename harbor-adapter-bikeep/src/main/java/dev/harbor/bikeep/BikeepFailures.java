package dev.harbor.bikeep;

import dev.harbor.application.port.RemoteSiteException;
import dev.harbor.bikeep.client.BikeepCredentialsException;
import dev.harbor.bikeep.client.BikeepException;

/**
 * A {@link BikeepException} as the remote-site ports report it. The client has already logged it
 * with its correlation id, and its message holds no secret.
 */
final class BikeepFailures {

    private BikeepFailures() {}

    static RemoteSiteException translate(BikeepException e) {
        return new RemoteSiteException(
                kind(e), e.getMessage(), e.correlationId().orElse(null), e);
    }

    private static RemoteSiteException.Kind kind(BikeepException e) {
        int status = e.statusCode();
        if (e instanceof BikeepCredentialsException) {
            // Bikeep refused the gateway's own credentials: nothing the caller's request can fix.
            return RemoteSiteException.Kind.UNAVAILABLE;
        }
        if (status == 404) {
            return RemoteSiteException.Kind.NOT_FOUND;
        }
        // 0: no answer; 401: even a fresh token was refused; 429 and 5xx: still so after the retries.
        if (status == 0 || status == 401 || status == 429 || status >= 500) {
            return RemoteSiteException.Kind.UNAVAILABLE;
        }
        return RemoteSiteException.Kind.REFUSED;
    }
}
