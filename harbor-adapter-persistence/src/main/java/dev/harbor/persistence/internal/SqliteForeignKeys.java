package dev.harbor.persistence.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * SQLite's migrations run with foreign keys off, as its table-rebuild recipe requires, so the whole
 * file is checked after them. The file remembers that the check passed ({@code PRAGMA user_version}
 * holds the number of migrations it had then): a start that skips Flyway may skip the check only if
 * it passed, or a file that failed it once would open at the next attempt.
 */
public final class SqliteForeignKeys {

    private SqliteForeignKeys() {}

    /**
     * Fails when a row refers to a missing row; otherwise notes in the file that its foreign keys were
     * checked with {@code migrations} migrations applied.
     *
     * @throws IllegalStateException when a foreign key is broken or the file cannot be read
     */
    public static void check(DataSource source, int migrations) {
        try (Connection connection = source.getConnection();
                Statement statement = connection.createStatement()) {
            try (ResultSet violations = statement.executeQuery("PRAGMA foreign_key_check")) {
                if (violations.next()) {
                    throw new IllegalStateException("the database breaks a foreign key after migration: table "
                            + violations.getString("table") + " row " + violations.getLong("rowid")
                            + " refers to a missing row of " + violations.getString("parent"));
                }
            }
            statement.execute("PRAGMA user_version = " + migrations);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot check the database's foreign keys", e);
        }
    }

    /** Whether the check passed when the file had {@code migrations} migrations; {@code false} if unreadable. */
    public static boolean checkedAfter(DataSource source, int migrations) {
        try (Connection connection = source.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("PRAGMA user_version")) {
            return rs.next() && rs.getInt(1) == migrations;
        } catch (SQLException e) {
            return false;
        }
    }

    /**
     * Forgets a passed check before migrations run, so that a start interrupted between them and the
     * check does not leave an old note behind.
     *
     * @throws IllegalStateException when the file cannot be written
     */
    public static void forgetCheck(DataSource source) {
        try (Connection connection = source.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA user_version = 0");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare the database for migration", e);
        }
    }
}
