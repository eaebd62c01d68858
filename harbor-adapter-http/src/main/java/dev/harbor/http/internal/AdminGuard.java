package dev.harbor.http.internal;

import dev.harbor.application.Actor;
import dev.harbor.http.api.Authenticator;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.Map;

/** Wraps admin-only handlers: 401 unless the {@link Authenticator} accepts a credential. */
public final class AdminGuard {

    /** A handler that knows which admin is calling. */
    @FunctionalInterface
    public interface AdminHandler {
        void handle(Context ctx, Actor admin) throws Exception;
    }

    private final Authenticator authenticator;

    public AdminGuard(Authenticator authenticator) {
        this.authenticator = authenticator;
    }

    public Handler require(AdminHandler handler) {
        return ctx -> handler.handle(ctx, authenticate(ctx));
    }

    private Actor authenticate(Context ctx) {
        return authenticator.authenticate(ctx.header("Authorization"), ctx.header("X-Session-Token"))
                .map(Actor::admin)
                .orElseThrow(() -> new ApiError(401, "UNAUTHORIZED", "Admin credentials required", Map.of()));
    }
}
