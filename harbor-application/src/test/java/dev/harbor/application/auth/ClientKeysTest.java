package dev.harbor.application.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.harbor.application.auth.ClientKeys.NamedKey;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClientKeysTest {

    private static final String DESK_KEY = "desk-0123456789abcdef";
    private static final String KIOSK_KEY = "kiosk-0123456789abcdef";

    private final ClientKeys keys =
            ClientKeys.of(List.of(new NamedKey("front-desk", DESK_KEY), new NamedKey("kiosk", KIOSK_KEY)));

    @Test
    void a_presented_key_is_known_by_its_name() {
        assertThat(keys.nameOf(DESK_KEY)).contains("front-desk");
        assertThat(keys.nameOf(KIOSK_KEY)).contains("kiosk");
    }

    @Test
    void a_wrong_truncated_or_missing_key_names_nobody() {
        assertThat(keys.nameOf("desk-0123456789abcdeF")).isEmpty();
        assertThat(keys.nameOf(DESK_KEY.substring(0, 16))).isEmpty();
        assertThat(keys.nameOf(DESK_KEY + " ")).isEmpty();
        assertThat(keys.nameOf("")).isEmpty();
        assertThat(keys.nameOf(null)).isEmpty();
    }

    @Test
    void no_keys_means_the_local_api_asks_for_none() {
        assertThat(ClientKeys.of(List.of())).isSameAs(ClientKeys.NONE);
        assertThat(ClientKeys.NONE.required()).isFalse();
        assertThat(ClientKeys.NONE.nameOf(DESK_KEY)).isEmpty();
        assertThat(keys.required()).isTrue();
    }

    @Test
    void a_key_shorter_than_sixteen_characters_is_refused_without_repeating_it() {
        assertThatThrownBy(() -> new NamedKey("short", "fifteen-chars-x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("shorter than 16")
                .hasMessageNotContaining("fifteen-chars-x");
        assertThat(new NamedKey("long-enough", "sixteen-chars-xx").name()).isEqualTo("long-enough");
    }

    @Test
    void a_key_with_a_space_or_a_comma_or_a_name_with_odd_characters_is_refused() {
        assertThatThrownBy(() -> new NamedKey("desk", "0123456789 abcdef")).hasMessageNotContaining("0123456789");
        assertThatThrownBy(() -> new NamedKey("desk", "0123456789,abcdef")).hasMessageNotContaining("0123456789");
        assertThatThrownBy(() -> new NamedKey("front desk", DESK_KEY)).hasMessageContaining("name");
    }

    @Test
    void a_name_or_a_key_given_twice_is_refused() {
        assertThatThrownBy(() -> ClientKeys.of(List.of(new NamedKey("a", DESK_KEY), new NamedKey("a", KIOSK_KEY))))
                .hasMessageContaining("two client keys are named a");
        assertThatThrownBy(() -> ClientKeys.of(List.of(new NamedKey("a", DESK_KEY), new NamedKey("b", DESK_KEY))))
                .hasMessageContaining("a and b are the same key")
                .hasMessageNotContaining(DESK_KEY);
    }

    @Test
    void no_key_is_ever_printed() {
        assertThat(keys.toString()).isEqualTo("ClientKeys[front-desk, kiosk]").doesNotContain(DESK_KEY);
        assertThat(new NamedKey("front-desk", DESK_KEY).toString()).doesNotContain(DESK_KEY);
    }
}
