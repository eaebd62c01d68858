package dev.harbor.domain.device;

import static dev.harbor.domain.device.DeviceState.ALLOCATED;
import static dev.harbor.domain.device.DeviceState.BOOKED;
import static dev.harbor.domain.device.DeviceState.LOCKED;
import static dev.harbor.domain.device.DeviceState.LOCKING;
import static dev.harbor.domain.device.DeviceState.UNLOCKED;
import static dev.harbor.domain.device.DeviceState.UNLOCKING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class DeviceStatusTest {

    private static final Instant T0 = Instant.parse("2026-02-20T10:00:00Z");
    private static final Instant LATER = T0.plusSeconds(10);

    @Test
    void a_new_device_is_unlocked_free_and_without_deadline() {
        DeviceStatus status = DeviceStatus.initial(T0);

        assertThat(status.state()).isEqualTo(UNLOCKED);
        assertThat(status.changedAt()).isEqualTo(T0);
        assertThat(status.timeoutAt()).isNull();
        assertThat(status.isHeld()).isFalse();
    }

    @Test
    void a_status_rebuilt_from_its_stored_components_equals_the_original() {
        for (DeviceStatus status : DeviceTransitionGrid.FIXTURES.values()) {
            var rebuilt = new DeviceStatus(
                    status.state(),
                    status.changedAt(),
                    status.timeoutAt(),
                    status.holder(),
                    status.pendingState(),
                    status.returnState(),
                    status.bookingExpiresAt());

            assertThat(rebuilt).isEqualTo(status);
        }
    }

    @Test
    void a_status_is_due_from_its_deadline_on() {
        var status = new DeviceStatus(UNLOCKING, T0, LATER, "s1", null, null, null);

        assertThat(status.isDue(LATER.minusMillis(1))).isFalse();
        assertThat(status.isDue(LATER)).isTrue();
        assertThat(DeviceStatus.initial(T0).isDue(Instant.MAX)).isFalse();
    }

    @Test
    void an_unlocked_device_cannot_have_a_holder() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new DeviceStatus(UNLOCKED, T0, null, "s1", null, null, null))
                .withMessageContaining("UNLOCKED has no holder");
    }

    @Test
    void a_blank_holder_is_rejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new DeviceStatus(LOCKED, T0, null, " ", null, null, null));
    }

    @Test
    void states_waiting_for_something_need_a_deadline() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new DeviceStatus(ALLOCATED, T0, null, null, BOOKED, UNLOCKED, null));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new DeviceStatus(LOCKING, T0, null, null, null, UNLOCKED, null));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new DeviceStatus(UNLOCKING, T0, null, null, null, null, null));
    }

    @Test
    void resting_states_have_no_deadline() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new DeviceStatus(UNLOCKED, T0, LATER, null, null, null, null));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new DeviceStatus(LOCKED, T0, LATER, null, null, null, null));
    }

    @Test
    void only_an_allocated_device_knows_what_the_acknowledgement_leads_to() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new DeviceStatus(ALLOCATED, T0, LATER, null, null, UNLOCKED, null));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new DeviceStatus(ALLOCATED, T0, LATER, null, LOCKED, UNLOCKED, null));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new DeviceStatus(BOOKED, T0, null, null, LOCKING, null, null));
    }

    @Test
    void a_booking_is_taken_only_from_a_free_device() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new DeviceStatus(ALLOCATED, T0, LATER, null, BOOKED, BOOKED, null));
    }

    @Test
    void only_allocated_and_locking_remember_the_state_before() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new DeviceStatus(LOCKING, T0, LATER, null, null, null, null));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new DeviceStatus(LOCKING, T0, LATER, null, null, LOCKED, null));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new DeviceStatus(UNLOCKING, T0, LATER, null, null, LOCKED, null));
    }

    @Test
    void a_booking_expiry_is_kept_only_beside_a_booking_waiting_in_the_background() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new DeviceStatus(BOOKED, T0, LATER, null, null, null, LATER));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new DeviceStatus(LOCKING, T0, LATER, null, null, UNLOCKED, LATER));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new DeviceStatus(ALLOCATED, T0, LATER, null, LOCKING, UNLOCKED, LATER));
        assertThat(new DeviceStatus(ALLOCATED, T0, LATER, null, LOCKING, BOOKED, LATER).bookingExpiresAt())
                .isEqualTo(LATER);
    }
}
