package dev.harbor.persistence;

import dev.harbor.application.port.LoginFailureStore;
import dev.harbor.persistence.internal.Access;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/** {@link LoginFailureStore} on the {@code login_failures} table: one row per client that failed recently. */
public final class JdbiLoginFailureStore implements LoginFailureStore {

    private final Access db;

    JdbiLoginFailureStore(Access db) {
        this.db = db;
    }

    @Override
    public void save(LoginFailures failures) {
        db.write(h -> h.createUpdate("INSERT INTO login_failures (client_key, failures, window_start, locked_until, "
                        + "lockouts, last_failure, forget_at) VALUES (:client, :failures, :windowStart, "
                        + ":lockedUntil, :lockouts, :lastFailure, :forgetAt) ON CONFLICT (client_key) DO UPDATE SET "
                        + "failures = excluded.failures, window_start = excluded.window_start, "
                        + "locked_until = excluded.locked_until, lockouts = excluded.lockouts, "
                        + "last_failure = excluded.last_failure, forget_at = excluded.forget_at")
                .bind("client", failures.clientKey())
                .bind("failures", failures.failures())
                .bind("windowStart", millis(failures.windowStart()))
                .bind("lockedUntil", millis(failures.lockedUntil()))
                .bind("lockouts", failures.lockouts())
                .bind("lastFailure", millis(failures.lastFailure()))
                .bind("forgetAt", failures.forgetAt().toEpochMilli())
                .execute());
    }

    @Override
    public List<LoginFailures> current(Instant now) {
        return db.read(h -> h.createQuery("SELECT client_key, failures, window_start, locked_until, lockouts, "
                        + "last_failure, forget_at FROM login_failures WHERE forget_at > :now ORDER BY client_key")
                .bind("now", now.toEpochMilli())
                .map((rs, ctx) -> new LoginFailures(
                        rs.getString("client_key"),
                        rs.getInt("failures"),
                        instant(rs, "window_start"),
                        instant(rs, "locked_until"),
                        rs.getInt("lockouts"),
                        instant(rs, "last_failure"),
                        Instant.ofEpochMilli(rs.getLong("forget_at"))))
                .list());
    }

    @Override
    public void delete(String clientKey) {
        db.write(h -> h.createUpdate("DELETE FROM login_failures WHERE client_key = :client")
                .bind("client", clientKey)
                .execute());
    }

    @Override
    public int deleteForgotten(Instant now) {
        // Looked for first: every start calls this, and there is seldom anything to forget; a write
        // would wait for the writer thread for nothing.
        boolean anyForgotten =
                db.read(h -> h.createQuery("SELECT 1 FROM login_failures WHERE forget_at <= :now LIMIT 1")
                        .bind("now", now.toEpochMilli())
                        .mapTo(Integer.class)
                        .findOne()
                        .isPresent());
        if (!anyForgotten) {
            return 0;
        }
        return db.write(h -> h.createUpdate("DELETE FROM login_failures WHERE forget_at <= :now")
                .bind("now", now.toEpochMilli())
                .execute());
    }

    private static Long millis(Instant instant) {
        return instant == null ? null : instant.toEpochMilli();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
    }
}
