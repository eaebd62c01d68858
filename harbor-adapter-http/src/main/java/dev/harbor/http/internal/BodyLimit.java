package dev.harbor.http.internal;

import io.javalin.security.RouteRole;

/**
 * A route that takes larger bodies than {@link RequestBodies#MAX_BODY_BYTES}: given as a role when
 * the route is registered, so the size check before every handler knows the route's own limit.
 */
public enum BodyLimit implements RouteRole {
    /** 1 MiB: Bikeep batches webhook events over 1-15 minutes (bikeep.md, "Webhooks"). */
    WEBHOOK(1024 * 1024);

    private final int maxBytes;

    BodyLimit(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    public int maxBytes() {
        return maxBytes;
    }
}
