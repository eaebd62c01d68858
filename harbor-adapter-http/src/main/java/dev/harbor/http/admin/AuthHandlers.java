package dev.harbor.http.admin;

import dev.harbor.application.auth.AdminAuthentication;
import dev.harbor.application.auth.AdminAuthentication.Credentials;
import dev.harbor.application.auth.AdminAuthentication.LoginResult;
import dev.harbor.http.internal.Access;
import dev.harbor.http.internal.AdminGuard;
import dev.harbor.http.internal.HttpTools;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/** {@code POST /auth/login} (Basic credentials in, session token out) and {@code POST /auth/logout}. */
final class AuthHandlers {

    private final AdminAuthentication authentication;
    private final HttpTools http;

    AuthHandlers(AdminAuthentication authentication, HttpTools http) {
        this.authentication = authentication;
        this.http = http;
    }

    void register(RoutesConfig routes) {
        // Both take admin credentials themselves, which the client-key gate would accept anyway.
        routes.post("/auth/login", this::login, Access.WITHOUT_CLIENT_KEY);
        routes.post("/auth/logout", this::logout, Access.WITHOUT_CLIENT_KEY);
    }

    private void login(Context ctx) {
        Credentials.Basic basic = AdminGuard.basic(ctx)
                .orElseThrow(
                        () -> AdminGuard.unauthorized("Log in with Authorization: Basic base64(username:password)"));
        LoginResult result = authentication.login(basic.username(), basic.password(), AdminGuard.clientKey(ctx));
        if (result instanceof LoginResult.LoggedIn loggedIn) {
            http.responses().ok(ctx, new LoginResponse(loggedIn.token(), loggedIn.expiresAt(), loggedIn.username()));
            return;
        }
        if (result instanceof LoginResult.Rejected) {
            throw AdminGuard.unauthorized("Invalid username or password");
        }
        if (result instanceof LoginResult.Throttled throttled) {
            throw AdminGuard.tooManyRequests(throttled.retryAfter());
        }
        if (result instanceof LoginResult.NotConfigured) {
            throw AdminGuard.notConfigured();
        }
        throw new IllegalStateException(
                "unmapped login result " + result.getClass().getName());
    }

    /** Only a live session can be ended: the token is checked like any admin credential first. */
    private void logout(Context ctx) {
        String token = AdminGuard.sessionToken(ctx)
                .orElseThrow(() -> AdminGuard.unauthorized(
                        "Log out with the " + AdminGuard.SESSION_HEADER + " of the session to end"));
        http.admin().authenticate(ctx);
        authentication.logout(token);
        http.responses().noContent(ctx);
    }
}
