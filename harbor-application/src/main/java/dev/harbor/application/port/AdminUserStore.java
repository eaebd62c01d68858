package dev.harbor.application.port;

import java.util.Optional;

/** The admin users and their password hashes. A raw password never reaches this port. */
public interface AdminUserStore {

    /** The stored password hash of {@code username}; usernames match exactly. */
    Optional<String> passwordHash(String username);

    /** Creates the user, or replaces its password hash when it exists. */
    void save(String username, String passwordHash);

    /** Whether any admin user exists at all. */
    boolean hasAny();
}
