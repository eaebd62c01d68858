package dev.harbor.persistence;

import dev.harbor.application.port.SessionStore;
import dev.harbor.persistence.internal.Access;
import java.time.Instant;
import java.util.Optional;

/** {@link SessionStore} on the {@code admin_sessions} table: token hashes only, never tokens. */
public final class JdbiSessionStore implements SessionStore {

    private final Access db;

    JdbiSessionStore(Access db) {
        this.db = db;
    }

    @Override
    public void save(Session session) {
        db.write(h -> h.createUpdate("INSERT INTO admin_sessions (token_hash, username, created_at, expires_at) "
                        + "VALUES (:hash, :username, :created, :expires)")
                .bind("hash", session.tokenHash())
                .bind("username", session.username())
                .bind("created", session.createdAt().toEpochMilli())
                .bind("expires", session.expiresAt().toEpochMilli())
                .execute());
    }

    @Override
    public Optional<Session> find(String tokenHash) {
        return db.read(h -> h.createQuery("SELECT token_hash, username, created_at, expires_at FROM admin_sessions "
                        + "WHERE token_hash = :hash")
                .bind("hash", tokenHash)
                .map((rs, ctx) -> new Session(
                        rs.getString("token_hash"),
                        rs.getString("username"),
                        Instant.ofEpochMilli(rs.getLong("created_at")),
                        Instant.ofEpochMilli(rs.getLong("expires_at"))))
                .findOne());
    }

    @Override
    public boolean extend(String tokenHash, Instant expiresAt) {
        return db.write(h -> h.createUpdate("UPDATE admin_sessions SET expires_at = :expires WHERE token_hash = :hash")
                        .bind("hash", tokenHash)
                        .bind("expires", expiresAt.toEpochMilli())
                        .execute())
                > 0;
    }

    @Override
    public boolean delete(String tokenHash) {
        return db.write(h -> h.createUpdate("DELETE FROM admin_sessions WHERE token_hash = :hash")
                        .bind("hash", tokenHash)
                        .execute())
                > 0;
    }

    @Override
    public int deleteForUser(String username) {
        return db.write(h -> h.createUpdate("DELETE FROM admin_sessions WHERE username = :username")
                .bind("username", username)
                .execute());
    }

    @Override
    public int deleteExpired(Instant now) {
        return db.write(h -> h.createUpdate("DELETE FROM admin_sessions WHERE expires_at <= :now")
                .bind("now", now.toEpochMilli())
                .execute());
    }
}
