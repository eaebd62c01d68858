package dev.harbor.application.port;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link AdminUserStore} does; subclassed for each implementation. */
public abstract class AdminUserStoreContract {

    private AdminUserStore store;

    /** A store with no users in it. */
    protected abstract AdminUserStore emptyStore();

    @BeforeEach
    void createStore() {
        store = emptyStore();
    }

    @Test
    void an_empty_store_has_no_users() {
        assertThat(store.hasAny()).isFalse();
        assertThat(store.passwordHash("admin")).isEmpty();
    }

    @Test
    void a_saved_user_is_found_by_exact_name() {
        store.save("admin", "$2a$10$hash");

        assertThat(store.hasAny()).isTrue();
        assertThat(store.passwordHash("admin")).contains("$2a$10$hash");
        assertThat(store.passwordHash("Admin")).isEmpty();
        assertThat(store.passwordHash("admin ")).isEmpty();
    }

    @Test
    void saving_an_existing_user_replaces_its_hash() {
        store.save("admin", "$2a$10$old");
        store.save("admin", "$2a$10$new");

        assertThat(store.passwordHash("admin")).contains("$2a$10$new");
    }
}
