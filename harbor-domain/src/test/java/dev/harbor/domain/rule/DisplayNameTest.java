package dev.harbor.domain.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DisplayNameTest {

    @Test
    void a_name_of_1_to_100_characters_is_kept_as_it_is() {
        assertThat(new DisplayName("Tower A").value()).isEqualTo("Tower A");
        assertThat(DisplayName.requireValid("name", "x".repeat(100))).hasSize(100);
    }

    @Test
    void an_empty_blank_missing_or_too_long_name_is_refused_naming_the_field() {
        for (String bad : new String[] {null, "", "   ", "x".repeat(101)}) {
            assertThatThrownBy(() -> DisplayName.requireValid("gatewayName", bad))
                    .isInstanceOfSatisfying(
                            InvalidValueException.class,
                            e -> assertThat(e.field()).isEqualTo("gatewayName"))
                    .hasMessage("gatewayName must be 1-100 characters");
        }
    }
}
