package dev.harbor.application;

import java.util.Objects;

/** Who asked for an action, for the audit trail: an admin user, or a client of the Local API. */
public record Actor(String name) {

    public static final Actor LOCAL_CLIENT = new Actor("local-api");
    public static final Actor SYSTEM = new Actor("system");

    public Actor {
        Objects.requireNonNull(name, "name");
    }

    public static Actor admin(String username) {
        return new Actor("admin:" + username);
    }
}
