package dev.harbor.application.port.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The contract of {@link dev.harbor.application.port.SettingsStore}. */
public abstract class SettingsStoreContract extends StoreContract {

    @Test
    public void nothing_is_set_at_first() {
        assertThat(stores.settings().load()).isEmpty();
    }

    @Test
    public void saved_values_load_back_and_saving_again_changes_only_the_names_given() {
        stores.settings().save(Map.of("name", "Lobby", "doorOpen.maxAttempts", "3"));

        stores.settings().save(Map.of("doorOpen.maxAttempts", "5", "logLevel", "DEBUG"));

        assertThat(stores.settings().load())
                .isEqualTo(Map.of("name", "Lobby", "doorOpen.maxAttempts", "5", "logLevel", "DEBUG"));
    }

    @Test
    public void a_save_with_a_missing_value_writes_nothing() {
        Map<String, String> values = new HashMap<>();
        values.put("name", "Lobby");
        values.put("logLevel", null);

        assertThatThrownBy(() -> stores.settings().save(values)).isInstanceOf(NullPointerException.class);
        assertThat(stores.settings().load()).isEmpty();
    }

    @Test
    public void values_keep_every_character() {
        String value = "Caf\u00e9 \u2014 \"Nord\" 'wing'\n\ttab \uD83D\uDCE6";
        stores.settings().save(Map.of("name", value, "empty", ""));

        assertThat(stores.settings().load()).isEqualTo(Map.of("name", value, "empty", ""));
    }
}
