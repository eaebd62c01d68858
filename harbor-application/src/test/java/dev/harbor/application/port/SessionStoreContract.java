package dev.harbor.application.port;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harbor.application.port.SessionStore.Session;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link SessionStore} does; subclassed for each implementation. */
public abstract class SessionStoreContract {

    private static final Instant T0 = Instant.parse("2025-11-03T10:15:30Z");
    private static final String HASH_A = "a".repeat(64);
    private static final String HASH_B = "b".repeat(64);
    private static final String HASH_C = "c".repeat(64);

    private SessionStore store;

    /** A store with no sessions in it. */
    protected abstract SessionStore emptyStore();

    /** For stores that tie sessions to existing admin users: make {@code username} exist. */
    protected void userExists(String username) {}

    @BeforeEach
    void createStore() {
        store = emptyStore();
        userExists("admin");
        userExists("other");
    }

    @Test
    void a_saved_session_is_found_by_its_hash() {
        Session session = new Session(HASH_A, "admin", T0, T0.plusSeconds(3600));
        store.save(session);

        assertThat(store.find(HASH_A)).contains(session);
        assertThat(store.find(HASH_B)).isEmpty();
    }

    @Test
    void extending_moves_the_expiry_and_keeps_the_rest() {
        store.save(new Session(HASH_A, "admin", T0, T0.plusSeconds(3600)));

        assertThat(store.extend(HASH_A, T0.plusSeconds(7200))).isTrue();

        assertThat(store.find(HASH_A)).contains(new Session(HASH_A, "admin", T0, T0.plusSeconds(7200)));
        assertThat(store.extend(HASH_B, T0.plusSeconds(7200))).isFalse();
    }

    @Test
    void a_deleted_session_is_gone() {
        store.save(new Session(HASH_A, "admin", T0, T0.plusSeconds(3600)));

        assertThat(store.delete(HASH_A)).isTrue();
        assertThat(store.find(HASH_A)).isEmpty();
        assertThat(store.delete(HASH_A)).isFalse();
    }

    @Test
    void deleting_for_a_user_ends_only_that_users_sessions() {
        store.save(new Session(HASH_A, "admin", T0, T0.plusSeconds(3600)));
        store.save(new Session(HASH_B, "admin", T0, T0.plusSeconds(3600)));
        store.save(new Session(HASH_C, "other", T0, T0.plusSeconds(3600)));

        assertThat(store.deleteForUser("admin")).isEqualTo(2);

        assertThat(store.find(HASH_A)).isEmpty();
        assertThat(store.find(HASH_B)).isEmpty();
        assertThat(store.find(HASH_C)).isPresent();
    }

    @Test
    void deleting_expired_sessions_keeps_the_live_ones() {
        store.save(new Session(HASH_A, "admin", T0, T0.plusSeconds(10)));
        store.save(new Session(HASH_B, "admin", T0, T0.plusSeconds(20)));
        store.save(new Session(HASH_C, "admin", T0, T0.plusSeconds(30)));

        assertThat(store.deleteExpired(T0.plusSeconds(20))).isEqualTo(2);

        assertThat(store.find(HASH_A)).isEmpty();
        assertThat(store.find(HASH_B)).isEmpty();
        assertThat(store.find(HASH_C)).isPresent();
    }
}
