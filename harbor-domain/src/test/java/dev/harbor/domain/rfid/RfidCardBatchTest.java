package dev.harbor.domain.rfid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.harbor.domain.rule.InvalidValueException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RfidCardBatchTest {

    @Test
    void every_typed_id_is_normalized_in_order() {
        assertThat(RfidCardBatch.normalizeAll("cards", "cardId", List.of("04:A2:B3", "ff-00", "0a 0b")))
                .extracting(RfidCardId::value)
                .containsExactly("04a2b3", "ff00", "0a0b");
    }

    @Test
    void every_bad_id_is_named_by_its_path_and_the_whole_batch_is_refused() {
        InvalidValueException refused = catchThrowableOfType(
                InvalidValueException.class,
                () -> RfidCardBatch.normalizeAll(
                        "cards", "cardId", Arrays.asList("04a2", "04a", "0123456789abcdef012345", "04g2", null)));

        assertThat(refused.problems())
                .extracting(InvalidValueException.Problem::field)
                .containsExactly("cards[1].cardId", "cards[2].cardId", "cards[3].cardId", "cards[4].cardId");
        assertThat(refused.field()).isEqualTo("cards[1].cardId");
        assertThat(refused.problems().get(0).message()).contains("even length");
        assertThat(refused.problems().get(1).message()).contains("2 to 20 characters");
        assertThat(refused.problems().get(2).message()).contains("hex digits");
        assertThat(refused.problems().get(3).message()).contains("required");
        assertThat(refused.getMessage()).contains("4 of 5");
    }

    @Test
    void the_same_card_twice_is_refused_even_when_written_differently() {
        InvalidValueException refused = catchThrowableOfType(
                InvalidValueException.class,
                () -> RfidCardBatch.normalizeAll("cards", "cardId", List.of("04:A2", "ffff", "04a2")));

        assertThat(refused.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.field()).isEqualTo("cards[2].cardId");
            assertThat(problem.message()).contains("same card as cards[0]");
        });
    }

    @Test
    void a_batch_holds_one_to_five_hundred_cards() {
        List<String> most = IntStream.range(0, RfidCardBatch.MAX_CARDS)
                .mapToObj(i -> String.format("%04x", i))
                .toList();
        assertThat(RfidCardBatch.normalizeAll("cards", "cardId", most)).hasSize(500);

        List<String> tooMany = new ArrayList<>(most);
        tooMany.add("ffffff");
        assertThat(catchThrowableOfType(
                                InvalidValueException.class,
                                () -> RfidCardBatch.normalizeAll("cards", "cardId", tooMany))
                        .getMessage())
                .contains("at most 500");
        assertThat(catchThrowableOfType(
                                InvalidValueException.class,
                                () -> RfidCardBatch.normalizeAll("cards", "cardId", List.of()))
                        .field())
                .isEqualTo("cards");
    }
}
