package dev.harbor.domain.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DeviceInputTest {

    @Test
    void book_without_an_expiry_means_the_default_expiry() {
        assertThat(DeviceInput.command(DeviceCommand.BOOK).expiry()).isEqualTo(BookingExpiry.DEFAULT);
        assertThat(DeviceInput.book("order-1", null).expiry()).isEqualTo(BookingExpiry.DEFAULT);
    }

    @Test
    void booking_with_no_expiry_is_distinct_from_the_default() {
        assertThat(DeviceInput.book("order-1", BookingExpiry.NEVER).expiry()).isNotEqualTo(BookingExpiry.DEFAULT);
    }

    @Test
    void only_book_takes_an_expiry() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new DeviceInput.Command(DeviceCommand.LOCK, null, BookingExpiry.NEVER));
    }

    @Test
    void force_commands_act_for_no_holder() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> DeviceInput.command(DeviceCommand.FORCE_UNLOCK, "order-1"));
    }

    @Test
    void a_blank_holder_is_rejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> DeviceInput.command(DeviceCommand.LOCK, ""));
    }

    @Test
    void an_explicit_expiry_needs_an_instant() {
        assertThatNullPointerException().isThrownBy(() -> BookingExpiry.at(null));
    }

    @Test
    void timeouts_are_all_alike() {
        assertThat(DeviceInput.timeout()).isEqualTo(DeviceInput.timeout());
    }

    @Test
    void default_timeouts_are_the_seeds() {
        assertThat(DeviceTimeouts.DEFAULTS)
                .isEqualTo(new DeviceTimeouts(
                        Duration.ofSeconds(10), Duration.ofHours(1), Duration.ofSeconds(60), Duration.ofSeconds(30)));
    }

    @Test
    void timeouts_must_be_positive() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new DeviceTimeouts(
                        Duration.ZERO, Duration.ofHours(1), Duration.ofSeconds(60), Duration.ofSeconds(30)));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new DeviceTimeouts(
                        Duration.ofSeconds(10), Duration.ofHours(1), Duration.ofSeconds(-1), Duration.ofSeconds(30)));
    }

    @Test
    void a_move_must_change_the_state() {
        DeviceStatus free = DeviceStatus.initial(Instant.EPOCH);

        assertThatIllegalArgumentException().isThrownBy(() -> new Transition.Moved(free, free, DeviceInput.timeout()));
    }

    @Test
    void ignored_and_refused_inputs_need_a_reason() {
        DeviceStatus free = DeviceStatus.initial(Instant.EPOCH);

        assertThatIllegalArgumentException().isThrownBy(() -> new Transition.Ignored(free, DeviceInput.timeout(), " "));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Transition.Refused(free, DeviceInput.timeout(), null));
    }
}
