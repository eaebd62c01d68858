package dev.harbor.application;

import java.util.Objects;

/**
 * Who asked for an action, for the audit trail: an admin user, a client of the Local API (named by
 * its client key, or by its address when the Local API takes no keys), or the gateway itself.
 */
public record Actor(String name) {

    /** A Local API client nothing more is known of. */
    public static final Actor LOCAL_CLIENT = new Actor("local-api");

    public static final Actor SYSTEM = new Actor("system");

    /** The Java application that embeds Harbor and calls a use case directly. */
    public static final Actor EMBEDDER = new Actor("embedder");

    public Actor {
        Objects.requireNonNull(name, "name");
    }

    public static Actor admin(String username) {
        return new Actor("admin:" + username);
    }

    /** A Local API client that showed the client key of this name; the key itself is never named. */
    public static Actor clientKey(String keyName) {
        return new Actor("key:" + keyName);
    }

    /** A Local API client known only by its address: the Local API takes no keys. */
    public static Actor client(String address) {
        return new Actor("client:" + address);
    }
}
