package dev.harbor.persistence;

import dev.harbor.persistence.internal.SchemaMigrations.Migration;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Flyway's history rows as "version description script checksum", for comparing both dialects alike. */
final class FlywayHistoryRows {

    private FlywayHistoryRows() {}

    /** What Flyway stored, in the order it applied them. */
    static List<String> stored(Connection connection) throws SQLException {
        List<String> stored = new ArrayList<>();
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT version, description, script, checksum"
                        + " FROM flyway_schema_history ORDER BY installed_rank")) {
            while (rs.next()) {
                stored.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getInt(4));
            }
        }
        return stored;
    }

    /** The same, computed here from the shipped files. */
    static List<String> computed(List<Migration> shipped) {
        return shipped.stream()
                .map(m -> m.version() + " " + m.description() + " " + m.fileName() + " " + m.checksum())
                .toList();
    }
}
