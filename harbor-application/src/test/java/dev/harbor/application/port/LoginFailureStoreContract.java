package dev.harbor.application.port;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harbor.application.port.LoginFailureStore.LoginFailures;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link LoginFailureStore} does; subclassed for each implementation. */
public abstract class LoginFailureStoreContract {

    private static final Instant T0 = Instant.parse("2025-11-03T10:15:30.123Z");

    private LoginFailureStore store;

    /** A store with no records in it. */
    protected abstract LoginFailureStore emptyStore();

    @BeforeEach
    void createStore() {
        store = emptyStore();
    }

    private static LoginFailures counting(String client, int failures, Instant forgetAt) {
        return new LoginFailures(client, failures, T0, null, 0, T0.plusSeconds(5), forgetAt);
    }

    @Test
    void a_saved_record_is_read_back_with_every_field_to_the_millisecond() {
        LoginFailures full =
                new LoginFailures("192.0.2.7", 2, T0, T0.plusSeconds(60), 3, T0.plusSeconds(10), T0.plusSeconds(3600));
        LoginFailures sparse = new LoginFailures("2001:db8::1", 0, null, null, 0, null, T0.plusSeconds(60));

        store.save(full);
        store.save(sparse);

        assertThat(store.current(T0)).containsExactlyInAnyOrder(full, sparse);
    }

    @Test
    void saving_again_replaces_the_clients_record() {
        store.save(counting("192.0.2.7", 1, T0.plusSeconds(60)));
        LoginFailures later = new LoginFailures(
                "192.0.2.7", 0, null, T0.plusSeconds(120), 1, T0.plusSeconds(20), T0.plusSeconds(600));

        store.save(later);

        assertThat(store.current(T0)).containsExactly(later);
    }

    @Test
    void a_record_past_its_forget_time_is_not_current_and_is_deleted_by_the_pruning() {
        LoginFailures old = counting("192.0.2.1", 1, T0.plusSeconds(10));
        LoginFailures recent = counting("192.0.2.2", 1, T0.plusSeconds(100));
        store.save(old);
        store.save(recent);

        assertThat(store.current(T0.plusSeconds(10))).containsExactly(recent);
        assertThat(store.deleteForgotten(T0.plusSeconds(10))).isEqualTo(1);
        assertThat(store.current(T0)).containsExactly(recent);
        assertThat(store.deleteForgotten(T0.plusSeconds(10))).isZero();
    }

    @Test
    void a_deleted_record_is_gone_and_deleting_an_unknown_client_does_nothing() {
        store.save(counting("192.0.2.1", 1, T0.plusSeconds(100)));
        store.save(counting("192.0.2.2", 2, T0.plusSeconds(100)));

        store.delete("192.0.2.1");
        store.delete("192.0.2.99");

        assertThat(store.current(T0)).extracting(LoginFailures::clientKey).containsExactly("192.0.2.2");
    }
}
