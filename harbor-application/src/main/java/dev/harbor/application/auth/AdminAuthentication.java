package dev.harbor.application.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Admin sign-in (admin-api.md, "Authentication"): Basic credentials or a session token obtained
 * from {@link #login}. Answers never tell whether a username exists. {@code clientKey} names the
 * caller for throttling (typically its remote address); repeated failures from one client are
 * refused for a while with {@code Throttled}.
 */
public interface AdminAuthentication {

    /** Checks Basic credentials and opens a session. */
    LoginResult login(String username, String password, String clientKey);

    /** Ends the session of {@code token} at once; an unknown token is ignored. */
    void logout(String token);

    /** Checks the credentials of one admin request; a session token's expiry slides forward on success. */
    AuthResult authenticate(Credentials credentials, String clientKey);

    /** What an admin request presents: {@code Authorization: Basic …} or {@code X-Session-Token}. */
    sealed interface Credentials {
        record Basic(String username, String password) implements Credentials {
            public Basic {
                Objects.requireNonNull(username, "username");
                Objects.requireNonNull(password, "password");
            }

            @Override
            public String toString() {
                return "Basic[username=" + username + ", password=***]";
            }
        }

        record SessionToken(String token) implements Credentials {
            public SessionToken {
                Objects.requireNonNull(token, "token");
            }

            @Override
            public String toString() {
                return "SessionToken[***]";
            }
        }
    }

    sealed interface LoginResult {
        /** {@code token} is shown to the client once; the gateway keeps only its hash. */
        record LoggedIn(String token, Instant expiresAt, String username) implements LoginResult {
            @Override
            public String toString() {
                return "LoggedIn[token=***, expiresAt=" + expiresAt + ", username=" + username + "]";
            }
        }

        /** Wrong username or password: deliberately the same answer for both. */
        record Rejected() implements LoginResult {}

        record Throttled(Duration retryAfter) implements LoginResult {}

        /** No admin user exists: see {@link AdminAuthentication#NOT_CONFIGURED_MESSAGE}. */
        record NotConfigured() implements LoginResult {}
    }

    sealed interface AuthResult {
        record Authenticated(String username) implements AuthResult {}

        /** {@code reason} is safe to show: it never says whether a username exists. */
        record Rejected(String reason) implements AuthResult {}

        record Throttled(Duration retryAfter) implements AuthResult {}

        /** No admin user exists: see {@link AdminAuthentication#NOT_CONFIGURED_MESSAGE}. */
        record NotConfigured() implements AuthResult {}
    }

    /**
     * Whether any admin user exists, so a call without credentials can be told how to get one
     * instead of only that credentials are missing.
     */
    default boolean anyAdminConfigured() {
        return true;
    }

    String NOT_CONFIGURED_MESSAGE = "No admin user is configured: set HARBOR_ADMIN_USERNAME and "
            + "HARBOR_ADMIN_PASSWORD and restart the gateway. Admin calls are refused until then.";
}
