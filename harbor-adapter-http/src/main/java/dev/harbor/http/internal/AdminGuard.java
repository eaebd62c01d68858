package dev.harbor.http.internal;

import dev.harbor.application.Actor;
import dev.harbor.application.auth.AdminAuthentication;
import dev.harbor.application.auth.AdminAuthentication.AuthResult;
import dev.harbor.application.auth.AdminAuthentication.Credentials;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Wraps admin-only handlers: the request must carry {@code Authorization: Basic …} or
 * {@code X-Session-Token} that {@link AdminAuthentication} accepts. The client key for throttling
 * is the remote address of the connection (a forwarded-for header is not trusted: any client
 * could send one to escape its lockout). No credential ever reaches a log or an error body.
 */
public final class AdminGuard {

    public static final String SESSION_HEADER = "X-Session-Token";
    /** Retry-After is sent in these details and as the header. */
    public static final String RETRY_AFTER_DETAIL = "retryAfterSeconds";

    private static final String REQUIRED = "Admin credentials required";
    private static final String AUTHENTICATED = AdminGuard.class.getName() + ".admin";

    /** A handler that knows which admin is calling. */
    @FunctionalInterface
    public interface AdminHandler {
        void handle(Context ctx, Actor admin) throws Exception;
    }

    private final AdminAuthentication authentication;

    public AdminGuard(AdminAuthentication authentication) {
        this.authentication = authentication;
    }

    public AdminAuthentication authentication() {
        return authentication;
    }

    public Handler require(AdminHandler handler) {
        return ctx -> handler.handle(ctx, authenticate(ctx));
    }

    /**
     * The admin behind the request's credentials (a session token wins over Basic), or an
     * {@link ApiError}. Once per request: a second call (the client-key gate asked first) answers
     * the same admin without counting or hashing again.
     */
    public Actor authenticate(Context ctx) {
        Actor already = ctx.attribute(AUTHENTICATED);
        if (already != null) {
            return already;
        }
        Actor admin = check(ctx);
        ctx.attribute(AUTHENTICATED, admin);
        return admin;
    }

    private Actor check(Context ctx) {
        Credentials credentials = sessionToken(ctx)
                .<Credentials>map(Credentials.SessionToken::new)
                .or(() -> basic(ctx))
                .orElseThrow(() -> authentication.anyAdminConfigured() ? unauthorized(REQUIRED) : notConfigured());
        AuthResult result = authentication.authenticate(credentials, clientKey(ctx));
        if (result instanceof AuthResult.Authenticated authenticated) {
            return Actor.admin(authenticated.username());
        }
        if (result instanceof AuthResult.Rejected rejected) {
            throw unauthorized(REQUIRED + ": " + rejected.reason());
        }
        if (result instanceof AuthResult.Throttled throttled) {
            throw tooManyRequests(throttled.retryAfter());
        }
        if (result instanceof AuthResult.NotConfigured) {
            throw notConfigured();
        }
        throw new IllegalStateException(
                "unmapped authentication result " + result.getClass().getSimpleName());
    }

    /** Who the connection is, for throttling. */
    public static String clientKey(Context ctx) {
        String ip = ctx.req().getRemoteAddr();
        return ip == null ? "unknown" : ip;
    }

    public static Optional<String> sessionToken(Context ctx) {
        String token = ctx.header(SESSION_HEADER);
        return token == null || token.isBlank() ? Optional.empty() : Optional.of(token.strip());
    }

    /**
     * {@code Authorization: Basic base64(username:password)}; a header that is present but not
     * readable as such is refused outright rather than ignored.
     */
    public static Optional<Credentials.Basic> basic(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String[] parts = header.strip().split("\\s+", 2);
        if (parts.length != 2 || !parts[0].toLowerCase(Locale.ROOT).equals("basic")) {
            throw unauthorized(REQUIRED + ": only Basic credentials or an " + SESSION_HEADER + " are accepted");
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(parts[1].strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw unauthorized(REQUIRED + ": malformed Basic credentials");
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            throw unauthorized(REQUIRED + ": malformed Basic credentials");
        }
        return Optional.of(new Credentials.Basic(decoded.substring(0, colon), decoded.substring(colon + 1)));
    }

    public static ApiError unauthorized(String message) {
        return ApiError.credentialsRequired(message);
    }

    public static ApiError notConfigured() {
        return unauthorized(AdminAuthentication.NOT_CONFIGURED_MESSAGE);
    }

    public static ApiError tooManyRequests(Duration retryAfter) {
        long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        return new ApiError(
                429,
                "TOO_MANY_REQUESTS",
                "Too many failed sign-in attempts from this client; try again in " + seconds + " s",
                Map.of(RETRY_AFTER_DETAIL, Long.toString(seconds)));
    }
}
