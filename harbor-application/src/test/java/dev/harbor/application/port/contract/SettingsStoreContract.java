package dev.harbor.application.port.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harbor.application.port.SettingsStore.StoredSettings;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The contract of {@link dev.harbor.application.port.SettingsStore}. */
public abstract class SettingsStoreContract extends StoreContract {

    static StoredSettings named(String name, int maxAttempts, String logLevel) {
        return new StoredSettings(
                name,
                Duration.ofSeconds(20),
                maxAttempts,
                Duration.ofMillis(1500),
                Duration.ofSeconds(15),
                Duration.ofSeconds(30),
                Duration.ofHours(2),
                logLevel);
    }

    @Test
    public void nothing_is_set_at_first() {
        assertThat(stores.settings().load()).isEmpty();
    }

    @Test
    public void saved_settings_load_back_and_saving_again_replaces_them() {
        stores.settings().save(named("Lobby", 3, "INFO"));

        stores.settings().save(named("Front desk", 5, "DEBUG"));

        assertThat(stores.settings().load()).contains(named("Front desk", 5, "DEBUG"));
    }

    @Test
    public void names_keep_every_character() {
        String name = "Caf\u00e9 \u2014 \"Nord\" 'wing'\n\ttab \uD83D\uDCE6";
        stores.settings().save(named(name, 3, "INFO"));

        assertThat(stores.settings().load()).contains(named(name, 3, "INFO"));
    }

    @Test
    public void the_first_proposed_gateway_id_is_kept_for_good() {
        assertThat(stores.settings().gatewayId("first")).isEqualTo("first");

        assertThat(stores.settings().gatewayId("second")).isEqualTo("first");
    }

    @Test
    public void the_gateway_id_and_the_settings_do_not_touch_each_other() {
        stores.settings().gatewayId("gateway-1");
        stores.settings().save(named("Lobby", 3, "INFO"));

        assertThat(stores.settings().gatewayId("other")).isEqualTo("gateway-1");
        assertThat(stores.settings().load()).contains(named("Lobby", 3, "INFO"));
    }
}
