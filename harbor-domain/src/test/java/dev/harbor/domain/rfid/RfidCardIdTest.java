package dev.harbor.domain.rfid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RfidCardIdTest {

    @ParameterizedTest
    @ValueSource(strings = {"04a2b3c4d5e6f7", "04b3c4d5e6f7a8", "00", "ff", "0123456789abcdef0123"})
    void lowercase_hex_of_whole_bytes_up_to_twenty_characters_is_a_card_id(String text) {
        assertThat(RfidCardId.parse(text).value()).isEqualTo(text);
        assertThat(RfidCardId.problemWith(text)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "0",
                "04a",
                "0123456789abcdef01234",
                "0123456789abcdef012345",
                "04A2B3C4D5E6F7",
                "04:a2:b3",
                "04-a2",
                "04 a2",
                "04g2",
                "0x04a2",
                "04a2\n"
            })
    void anything_else_is_rejected(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> RfidCardId.parse(text));
        assertThat(RfidCardId.problemWith(text)).isPresent();
    }

    @Test
    void uppercase_is_rejected_with_the_lowercase_spelling_to_use() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> RfidCardId.parse("04A2B3"))
                .withMessageContaining("lowercase")
                .withMessageContaining("'04a2b3'");
    }

    @Test
    void uppercase_with_separators_gets_no_misleading_suggestion() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> RfidCardId.parse("04A2:B3"))
                .withMessageContaining("lowercase")
                .withMessageNotContaining("write it as");
    }

    @Test
    void separators_are_named_with_their_position() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> RfidCardId.parse("04:a2"))
                .withMessageContaining("no separators")
                .withMessageContaining("':' at position 3");
    }

    @Test
    void odd_and_out_of_range_lengths_say_what_is_expected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> RfidCardId.parse("04a"))
                .withMessageContaining("even length");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> RfidCardId.parse("0123456789abcdef012345"))
                .withMessageContaining("2 to 20 characters")
                .withMessageContaining("was 22");
    }

    @Test
    void a_missing_card_id_is_rejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> RfidCardId.parse(null))
                .withMessageContaining("required");
    }

    @Test
    void a_card_id_prints_as_its_value() {
        assertThat(RfidCardId.parse("04a2")).hasToString("04a2");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"04:A2:B3:C4:D5:E6:F7", "04-a2-b3-c4-d5-e6-f7", "04 A2 B3 C4 D5 E6 F7", "04A2b3:c4-D5 e6F7"})
    void a_typed_id_loses_its_separators_and_capitals(String typed) {
        assertThat(RfidCardId.typed(typed).value()).isEqualTo("04a2b3c4d5e6f7");
    }

    @ParameterizedTest
    @ValueSource(strings = {"04.a2", "0x04a2", "04:a", "04:g2", "0123456789:abcdef:012345", ":", ""})
    void a_typed_id_is_still_refused_when_what_is_left_is_no_card_id(String typed) {
        assertThatIllegalArgumentException().isThrownBy(() -> RfidCardId.typed(typed));
    }
}
