package dev.harbor.http.admin;

import java.time.Instant;

/** The answer of {@code POST /auth/login}. The token is shown here once and never again. */
public record LoginResponse(String token, Instant expiresAt, String username) {

    @Override
    public String toString() {
        return "LoginResponse[token=***, expiresAt=" + expiresAt + ", username=" + username + "]";
    }
}
