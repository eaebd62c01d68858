package dev.harbor.persistence;

import java.sql.SQLException;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.ColonPrefixSqlParser;
import org.sqlite.SQLiteConfig;

/**
 * Makes the database's first steps in a start cheaper, from a thread of the caller's choosing (the standalone
 * gateway's start-up warm-up). Changes no state of any {@link Database}.
 */
public final class DatabaseWarmUp {

    /** Every kind of token Harbor's statements have: names, numbers, parameters, strings, casts, comments. */
    static final List<String> SAMPLE_SQL = List.of(
            "SELECT id, locker_id, created_at FROM transactions WHERE released_at IS NULL AND id = :id",
            "UPDATE lockers SET status = :b_status, holder = :b_holder, updated_at = :now\n"
                    + "WHERE id = (SELECT id FROM lockers WHERE id IN (1,2,30) AND holder IS NULL"
                    + " ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED) RETURNING id",
            "WITH taken AS (INSERT INTO audit_log (kind, detail, at) VALUES ('locker', :detail::jsonb, :at)"
                    + " ON CONFLICT (id) DO NOTHING RETURNING 1) SELECT count(*) FROM taken -- one row\n",
            "/* block comment */ SELECT COALESCE(a.x, 0) + 1 >= 2, 'it''s', \"Quoted\" FROM a"
                    + " WHERE a.y <> 3 OR a.z != :z_9 || 'x'");

    private DatabaseWarmUp() {}

    /**
     * Prepares the database's libraries on the calling thread, for a {@link Database} the start opens
     * on another one:
     *
     * <ul>
     *   <li>A throwaway {@link SQLiteConfig} builds the SQLite driver's date formats (with their
     *       regular expressions), which every SQLite connection's settings need and the main thread otherwise built
     *       before its first connection.
     *   <li>A throwaway {@link Jdbi} (with a connection factory that is never called) initialises the
     *       classes of JDBI's configuration, its argument and mapper factories among them, which the
     *       database's own {@code Jdbi.create} otherwise initialised on the main thread.
     *   <li>JDBI parses every statement's named parameters with an ANTLR lexer whose automaton is
     *       shared by all its instances and grows as it meets new characters: the first statements
     *       were lexed slowly on the main thread (some 8 % of its start in a profile). Statements of
     *       the same shapes are lexed here first, by a throwaway parser; the database's own parse
     *       cache stays empty.
     * </ul>
     */
    public static void run() {
        try {
            new SQLiteConfig();
            Jdbi.create(() -> {
                throw new SQLException("a warm-up opens no connection");
            });
            ColonPrefixSqlParser parser = new ColonPrefixSqlParser();
            for (String sql : SAMPLE_SQL) {
                parser.parse(sql, null);
            }
        } catch (RuntimeException | LinkageError notHere) {
            // The start prepares what it needs itself; only slower.
        }
    }
}
