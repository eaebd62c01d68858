package dev.harbor.persistence;

import java.util.List;
import org.jdbi.v3.core.statement.ColonPrefixSqlParser;

/**
 * Makes the first statements of a start cheaper to prepare, from a thread of the caller's choosing
 * (the standalone gateway's start-up warm-up). Changes no state of any {@link Database}.
 */
public final class SqlParsingWarmUp {

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

    private SqlParsingWarmUp() {}

    /**
     * JDBI parses every statement's named parameters with an ANTLR lexer whose automaton is shared
     * by all its instances and grows as it meets new characters: the first statements were lexed
     * slowly on the main thread (some 8 % of its start in a profile). Lexing statements of the same
     * shapes here first leaves the main thread the fast path. The parser is a throwaway one; the
     * gateway's own parse cache stays empty.
     */
    public static void run() {
        try {
            ColonPrefixSqlParser parser = new ColonPrefixSqlParser();
            for (String sql : SAMPLE_SQL) {
                parser.parse(sql, null);
            }
        } catch (RuntimeException | LinkageError notHere) {
            // The start's own statements are parsed anyway; only slower.
        }
    }
}
