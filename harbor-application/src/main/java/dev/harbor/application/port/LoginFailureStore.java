package dev.harbor.application.port;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The failed admin sign-ins counted per client, kept so that a restart does not clear a lockout.
 * Each entry says when it may be forgotten; entries past that moment are deleted, so the store
 * holds only clients that failed recently.
 */
public interface LoginFailureStore {

    /** Keeps nothing: failed sign-ins are counted in memory only, and a restart forgets them. */
    LoginFailureStore NOT_KEPT = new LoginFailureStore() {
        @Override
        public void save(LoginFailures failures) {}

        @Override
        public List<LoginFailures> current(Instant now) {
            return List.of();
        }

        @Override
        public void delete(String clientKey) {}

        @Override
        public int deleteForgotten(Instant now) {
            return 0;
        }
    };

    /** The longest client key kept (an IP address is far shorter). */
    int MAX_CLIENT_KEY_LENGTH = 255;

    /**
     * One client's record.
     *
     * @param clientKey    who tried (the connection's address)
     * @param failures     failures counted in the current window
     * @param windowStart  when the current window began, {@code null} when none is open
     * @param lockedUntil  the end of the last lockout, {@code null} when never locked out
     * @param lockouts     lockouts so far (each doubles the next)
     * @param lastFailure  the last failure, {@code null} when none
     * @param forgetAt     from this moment the record means nothing any more and may be deleted
     */
    record LoginFailures(
            String clientKey,
            int failures,
            Instant windowStart,
            Instant lockedUntil,
            int lockouts,
            Instant lastFailure,
            Instant forgetAt) {
        public LoginFailures {
            Objects.requireNonNull(clientKey, "clientKey");
            Objects.requireNonNull(forgetAt, "forgetAt");
            if (clientKey.isEmpty() || clientKey.length() > MAX_CLIENT_KEY_LENGTH) {
                throw new IllegalArgumentException("a client key is 1-" + MAX_CLIENT_KEY_LENGTH + " characters");
            }
            if (failures < 0 || lockouts < 0) {
                throw new IllegalArgumentException("failures and lockouts cannot be negative");
            }
        }
    }

    /** Stores {@code failures}, replacing the client's earlier record. */
    void save(LoginFailures failures);

    /** The records that still mean something at {@code now} (whose {@code forgetAt} is after it). */
    List<LoginFailures> current(Instant now);

    /** Forgets the client's record, if any. */
    void delete(String clientKey);

    /** Deletes the records whose {@code forgetAt} is at or before {@code now}. @return how many */
    int deleteForgotten(Instant now);
}
