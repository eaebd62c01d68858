package dev.harbor.http.api;

import java.util.Optional;

/**
 * Checks admin credentials. The HTTP adapter calls it for every admin-only route with the raw
 * request values; it decides what is valid (Basic credentials of an admin user, or a live session
 * token) and must compare in constant time.
 */
@FunctionalInterface
public interface Authenticator {

    /**
     * @param authorizationHeader the {@code Authorization} header as sent, or {@code null}
     * @param sessionToken        the {@code X-Session-Token} header as sent, or {@code null}
     * @return the admin's username when either credential is valid, otherwise empty
     */
    Optional<String> authenticate(String authorizationHeader, String sessionToken);

    /** Refuses everyone: admin-only routes answer 401. The safe default. */
    static Authenticator denyAll() {
        return (authorization, token) -> Optional.empty();
    }
}
