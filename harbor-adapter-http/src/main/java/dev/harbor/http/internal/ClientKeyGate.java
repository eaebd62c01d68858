package dev.harbor.http.internal;

import dev.harbor.application.Actor;
import dev.harbor.application.auth.ClientKeys;
import io.javalin.http.Context;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The Local API's client keys (local-api.md, "Client keys"). Runs before every matched route: when
 * keys are configured, a route not marked {@link Access#WITHOUT_CLIENT_KEY} needs
 * {@code Authorization: Bearer <key>} or admin credentials, else 401 {@code UNAUTHORIZED}. It also
 * says who the client is, for the audit trail: the key's name, the admin, or, with no keys
 * configured, the connection's address.
 *
 * <p>A key only lets a client past this gate: admin-only routes still ask {@link AdminGuard} for
 * admin credentials, which a Bearer key never is. The refusal's challenge is Bearer, not Basic, so
 * a browser never pops up a password dialog for it. No key is ever logged or echoed.
 */
public final class ClientKeyGate {

    private static final String ACTOR = ClientKeyGate.class.getName() + ".actor";
    private static final String CHALLENGE = "Bearer realm=\"harbor\"";

    private final ClientKeys keys;
    private final AdminGuard admin;

    public ClientKeyGate(ClientKeys keys, AdminGuard admin) {
        this.keys = keys;
        this.admin = admin;
    }

    /** The before-matched handler. */
    public void check(Context ctx) {
        if (!keys.required() || ctx.routeRoles().contains(Access.WITHOUT_CLIENT_KEY)) {
            return;
        }
        Optional<String> bearer = bearer(ctx);
        if (bearer.isPresent()) {
            String name = keys.nameOf(bearer.get()).orElseThrow(() -> refused(ctx, "The client key is not valid"));
            ctx.attribute(ACTOR, Actor.clientKey(name));
            return;
        }
        if (AdminGuard.sessionToken(ctx).isPresent() || ctx.header("Authorization") != null) {
            // Admin credentials stand in for a key; wrong ones are refused as on any admin route.
            ctx.attribute(ACTOR, admin.authenticate(ctx));
            return;
        }
        throw refused(ctx, "A client key is required: send Authorization: Bearer <key>, or admin credentials");
    }

    /** Who is calling: the key's name, the admin, or (no keys configured) the client's address. */
    public Actor actor(Context ctx) {
        Actor known = ctx.attribute(ACTOR);
        return known != null ? known : Actor.client(AdminGuard.clientKey(ctx));
    }

    private static Optional<String> bearer(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null) {
            return Optional.empty();
        }
        String[] parts = header.strip().split("\\s+", 2);
        if (!parts[0].toLowerCase(Locale.ROOT).equals("bearer")) {
            return Optional.empty();
        }
        return Optional.of(parts.length == 2 ? parts[1].strip() : "");
    }

    private static ApiError refused(Context ctx, String message) {
        ctx.header("WWW-Authenticate", CHALLENGE);
        return new ApiError(401, "UNAUTHORIZED", message, Map.of());
    }
}
