package dev.harbor.domain.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CommandEventTest {

    private static final Instant T0 = Instant.parse("2026-02-26T10:30:00Z");

    @ParameterizedTest
    @ValueSource(strings = {"REQUEST_INITIATED", "REQUEST_SENT", "RESPONSE_DEVICE_LOCKED", "STATE_LOCKING", "STATE_2"})
    void names_from_our_side_the_devices_answers_and_state_changes_are_accepted(String name) {
        assertThat(CommandEvent.of(name, T0).name()).isEqualTo(name);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "INITIATED",
                "REQUEST_",
                "REQUEST",
                "request_sent",
                "RESPONSE-LOCKED",
                "STATE_locked",
                "EVENT_X"
            })
    void other_names_are_rejected(String name) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> CommandEvent.of(name, T0))
                .withMessageContaining("REQUEST_, RESPONSE_ or STATE_");
    }

    @Test
    void an_event_may_carry_a_value() {
        assertThat(new CommandEvent("STATE_CHANGED", "LOCKING", T0).value()).isEqualTo("LOCKING");
        assertThat(CommandEvent.of("REQUEST_SENT", T0).value()).isNull();
    }
}
