package dev.harbor.http.internal;

import io.javalin.security.RouteRole;

/**
 * How a route is reached when the Local API asks for client keys ({@link ClientKeyGate}): given as
 * a role when the route is registered, so the exemption is written where the route is.
 */
public enum Access implements RouteRole {
    /**
     * No client key needed: health, the OpenAPI document, the admin console's page and files (its
     * calls carry a session), Bikeep's webhooks (their hash authenticates them) and log-in/log-out
     * (they take admin credentials themselves).
     */
    WITHOUT_CLIENT_KEY
}
