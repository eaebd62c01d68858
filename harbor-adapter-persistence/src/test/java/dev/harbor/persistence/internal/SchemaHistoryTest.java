package dev.harbor.persistence.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.harbor.persistence.internal.SchemaHistory.Row;
import dev.harbor.persistence.internal.SchemaMigrations.Migration;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/** The rule by which a start may skip Flyway, one way of breaking it per test. */
class SchemaHistoryTest {

    private static final List<Migration> SHIPPED = SchemaMigrations.of(Dialect.SQLITE);

    /** The rows Flyway writes for the shipped files. */
    private static List<Row> applied() {
        List<Row> rows = new ArrayList<>();
        for (Migration m : SHIPPED) {
            rows.add(new Row(m.version(), m.description(), "SQL", m.checksum(), true));
        }
        return rows;
    }

    @Test
    void the_shipped_migrations_all_applied_are_current() {
        assertThat(SchemaHistory.matches(applied(), SHIPPED)).isTrue();
    }

    @Test
    void flyways_note_that_it_created_the_schema_does_not_count_as_a_migration() {
        List<Row> rows = applied();
        rows.add(0, new Row(null, "<< Flyway Schema Creation >>", "SCHEMA", null, true));

        assertThat(SchemaHistory.matches(rows, SHIPPED)).isTrue();
    }

    @Test
    void a_schema_note_with_a_version_as_older_flyways_wrote_it_is_left_to_flyway() {
        List<Row> rows = applied();
        rows.add(0, new Row("0", "<< Flyway Schema Creation >>", "SCHEMA", null, true));

        assertThat(SchemaHistory.matches(rows, SHIPPED)).isFalse();
    }

    @Test
    void an_empty_history_is_not_current() {
        assertThat(SchemaHistory.matches(List.of(), SHIPPED)).isFalse();
    }

    @Test
    void a_history_without_the_newest_migration_is_not_current() {
        List<Row> rows = applied();
        rows.remove(rows.size() - 1);

        assertThat(SchemaHistory.matches(rows, SHIPPED)).isFalse();
    }

    @Test
    void a_version_this_release_does_not_ship_is_not_current() {
        List<Row> rows = applied();
        rows.add(new Row("8", "from a newer release", "SQL", 12345, true));

        assertThat(SchemaHistory.matches(rows, SHIPPED)).isFalse();
    }

    @Test
    void a_file_changed_since_it_was_applied_is_not_current() {
        List<Row> rows = applied();
        Row third = rows.get(2);
        rows.set(2, new Row(third.version(), third.description(), "SQL", third.checksum() + 1, true));

        assertThat(SchemaHistory.matches(rows, SHIPPED)).isFalse();
    }

    @Test
    void a_file_renamed_since_it_was_applied_is_not_current() {
        List<Row> rows = applied();
        Row third = rows.get(2);
        rows.set(2, new Row(third.version(), "another description", "SQL", third.checksum(), true));

        assertThat(SchemaHistory.matches(rows, SHIPPED)).isFalse();
    }

    @Test
    void a_failed_migration_is_not_current() {
        List<Row> rows = applied();
        Row last = rows.get(rows.size() - 1);
        rows.set(rows.size() - 1, new Row(last.version(), last.description(), "SQL", last.checksum(), false));

        assertThat(SchemaHistory.matches(rows, SHIPPED)).isFalse();
    }

    @Test
    void a_failed_attempt_beside_a_successful_one_is_not_current() {
        List<Row> rows = applied();
        Row last = rows.get(rows.size() - 1);
        rows.add(new Row(last.version(), last.description(), "SQL", last.checksum(), false));

        assertThat(SchemaHistory.matches(rows, SHIPPED)).isFalse();
    }

    @Test
    void a_repeatable_migration_is_not_current() {
        List<Row> rows = applied();
        rows.add(new Row(null, "views", "SQL", 42, true));

        assertThat(SchemaHistory.matches(rows, SHIPPED)).isFalse();
    }

    @Test
    void a_baseline_is_not_current() {
        List<Row> rows = applied();
        rows.add(0, new Row("0", "<< Flyway Baseline >>", "BASELINE", null, true));

        assertThat(SchemaHistory.matches(rows, SHIPPED)).isFalse();
    }

    @Test
    void a_migration_recorded_twice_is_not_current() {
        List<Row> rows = applied();
        rows.add(rows.get(0));

        assertThat(SchemaHistory.matches(rows, SHIPPED)).isFalse();
    }

    @Test
    void a_migration_of_another_type_with_the_same_version_and_checksum_is_not_current() {
        List<Row> rows = applied();
        Row first = rows.get(0);
        rows.set(0, new Row(first.version(), first.description(), "JDBC", first.checksum(), true));

        assertThat(SchemaHistory.matches(rows, SHIPPED)).isFalse();
    }

    @Test
    void a_server_that_cannot_be_reached_fails_the_start_at_once_with_the_drivers_reason() throws Exception {
        int nobodyListens;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            nobodyListens = socket.getLocalPort();
        }
        PGSimpleDataSource unreachable = new PGSimpleDataSource();
        unreachable.setUrl("jdbc:postgresql://127.0.0.1:" + nobodyListens + "/test");
        unreachable.setConnectTimeout(2);

        // Not "not current": Flyway would then try to connect again and wait as long a second time.
        assertThatThrownBy(() -> SchemaHistory.isCurrent(unreachable, Dialect.POSTGRESQL, SHIPPED))
                .isInstanceOf(IllegalStateException.class)
                .hasCauseInstanceOf(SQLException.class)
                .cause()
                .satisfies(cause ->
                        assertThat(((SQLException) cause).getSQLState()).startsWith("08"));
    }
}
