package dev.harbor.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@Tag("postgres")
class PostgresDatabaseTest {

    @RegisterExtension
    static final PostgresSchema POSTGRES = new PostgresSchema();

    @Test
    void it_reports_itself_as_postgresql_and_up_and_down_once_closed() {
        assertThat(POSTGRES.database().storageName()).isEqualTo("postgresql");
        assertThat(POSTGRES.database().isUp()).isTrue();

        Database second = Database.postgres(POSTGRES.url(), null, null);
        second.close();
        assertThat(second.isUp()).isFalse();
    }

    @Test
    void everything_written_is_still_there_for_a_database_opened_afterwards() {
        POSTGRES.freshStores();
        SampleData written = SampleData.write(POSTGRES.database());

        try (Database reopened = Database.postgres(POSTGRES.url(), null, null)) {
            written.assertStillIn(reopened);
        }
    }

    @Test
    void the_database_itself_refuses_a_second_active_transaction_on_one_locker_and_a_second_locker_for_one_holder()
            throws SQLException {
        POSTGRES.freshStores();
        SampleData sample = SampleData.write(POSTGRES.database());
        long first = sample.lockers().get(0).id().value();
        long second = sample.lockers().get(1).id().value();

        try (Connection c = POSTGRES.connect();
                Statement s = c.createStatement()) {
            s.execute("INSERT INTO transactions (id, locker_id, created_at) VALUES ('x-1', 77, 1)");
            assertThatThrownBy(() ->
                            s.execute("INSERT INTO transactions (id, locker_id, created_at) VALUES ('x-2', 77, 1)"))
                    .hasMessageContaining("transactions_one_active_per_locker");
            s.execute("UPDATE lockers SET device_state = 'BOOKED', holder = 'dup' WHERE id = " + first);
            assertThatThrownBy(() -> s.execute(
                            "UPDATE lockers SET device_state = 'BOOKED', holder = 'dup' WHERE id = " + second))
                    .hasMessageContaining("lockers_one_per_holder");
            assertThatThrownBy(() -> s.execute("UPDATE lockers SET holder = 'x' WHERE id = " + second))
                    .hasMessageContaining("lockers_free_means_unheld");
            assertThatThrownBy(
                            () -> s.execute(
                                    "INSERT INTO lockers (id, controller_id, bank_locker_number, locker_type_id, "
                                            + "device_state, device_changed_at, out_of_service) VALUES (1, 1, 9, 1, 'UNLOCKED', 1, false)"))
                    .as("ids come from the identity column only")
                    .isInstanceOf(SQLException.class);
        }
    }

    @Test
    void an_unreachable_server_fails_the_start_quickly_and_clearly() {
        Instant start = Instant.now();

        assertThatThrownBy(() -> Database.postgres("jdbc:postgresql://127.0.0.1:1/harbor", "harbor", "secret"))
                .isInstanceOf(RuntimeException.class);
        assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(30));
    }

    @Test
    void a_url_for_another_database_is_refused() {
        assertThatThrownBy(() -> Database.postgres("jdbc:mysql://localhost/harbor", null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
