package dev.harbor.persistence;

import dev.harbor.application.port.AdminUserStore;
import dev.harbor.persistence.internal.Access;
import java.util.Objects;
import java.util.Optional;

/** {@link AdminUserStore} on the {@code admin_users} table. */
public final class JdbiAdminUserStore implements AdminUserStore {

    private final Access db;

    JdbiAdminUserStore(Access db) {
        this.db = db;
    }

    @Override
    public Optional<String> passwordHash(String username) {
        return db.read(h -> h.createQuery("SELECT password_hash FROM admin_users WHERE username = :username")
                .bind("username", username)
                .mapTo(String.class)
                .findOne());
    }

    @Override
    public void save(String username, String passwordHash) {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(passwordHash, "passwordHash");
        db.write(h -> h.createUpdate("INSERT INTO admin_users (username, password_hash) VALUES (:username, :hash) "
                        + "ON CONFLICT (username) DO UPDATE SET password_hash = excluded.password_hash")
                .bind("username", username)
                .bind("hash", passwordHash)
                .execute());
    }

    @Override
    public boolean hasAny() {
        return db.read(h -> h.createQuery("SELECT COUNT(*) FROM admin_users")
                        .mapTo(Long.class)
                        .one())
                > 0;
    }
}
