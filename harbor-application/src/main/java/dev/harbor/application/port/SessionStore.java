package dev.harbor.application.port;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Admin sessions. Only the SHA-256 hash of a session token is ever stored, so a copy of the
 * database does not hand out working tokens.
 */
public interface SessionStore {

    /** {@code tokenHash}: lowercase hex SHA-256 of the token. */
    record Session(String tokenHash, String username, Instant createdAt, Instant expiresAt) {
        public Session {
            Objects.requireNonNull(tokenHash, "tokenHash");
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(createdAt, "createdAt");
            Objects.requireNonNull(expiresAt, "expiresAt");
        }
    }

    void save(Session session);

    Optional<Session> find(String tokenHash);

    /** @return {@code false} when the session does not exist (any more) */
    boolean extend(String tokenHash, Instant expiresAt);

    /** @return {@code false} when the session did not exist */
    boolean delete(String tokenHash);

    /** Deletes every session of {@code username} (its password changed). @return how many */
    int deleteForUser(String username);

    /** Deletes the sessions whose expiry is at or before {@code now}. @return how many */
    int deleteExpired(Instant now);
}
