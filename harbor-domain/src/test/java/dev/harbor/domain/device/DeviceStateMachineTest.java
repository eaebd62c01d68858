package dev.harbor.domain.device;

import static dev.harbor.domain.device.DeviceCommand.CANCEL_BOOKING;
import static dev.harbor.domain.device.DeviceCommand.FORCE_LOCK;
import static dev.harbor.domain.device.DeviceCommand.FORCE_UNLOCK;
import static dev.harbor.domain.device.DeviceCommand.LOCK;
import static dev.harbor.domain.device.DeviceCommand.UNLOCK;
import static dev.harbor.domain.device.DeviceState.ALLOCATED;
import static dev.harbor.domain.device.DeviceState.BOOKED;
import static dev.harbor.domain.device.DeviceState.LOCKED;
import static dev.harbor.domain.device.DeviceState.LOCKING;
import static dev.harbor.domain.device.DeviceState.UNLOCKED;
import static dev.harbor.domain.device.HardwareEvent.ACKNOWLEDGED;
import static dev.harbor.domain.device.HardwareEvent.DOOR_CLOSED;
import static dev.harbor.domain.device.HardwareEvent.DOOR_OPENED;
import static dev.harbor.domain.device.HardwareEvent.RELEASED;
import static org.assertj.core.api.Assertions.assertThat;

import dev.harbor.domain.device.Transition.Ignored;
import dev.harbor.domain.device.Transition.Moved;
import dev.harbor.domain.device.Transition.Refused;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeviceStateMachineTest {

    private static final Instant T0 = Instant.parse("2026-02-20T10:00:00Z");

    private final DeviceStateMachine machine = new DeviceStateMachine(DeviceTimeouts.DEFAULTS);

    @Test
    void a_harbor_transaction_books_without_expiry_and_the_locker_is_occupied_once_its_door_opened_and_closed() {
        DeviceStatus status = DeviceStatus.initial(T0);

        status = moved(status, DeviceInput.book("order-1138", BookingExpiry.NEVER), T0);
        status = moved(status, DeviceInput.event(ACKNOWLEDGED), T0.plusSeconds(1));
        assertThat(status.state()).isEqualTo(BOOKED);
        assertThat(status.timeoutAt()).isNull();
        assertThat(status.holder()).isEqualTo("order-1138");

        status = moved(status, DeviceInput.event(DOOR_OPENED), T0.plusSeconds(100));
        assertThat(status.state()).isEqualTo(LOCKING);
        assertThat(status.timeoutAt()).isEqualTo(T0.plusSeconds(160));

        status = moved(status, DeviceInput.event(DOOR_CLOSED), T0.plusSeconds(120));
        assertThat(status.state()).isEqualTo(LOCKED);
        assertThat(status.holder()).isEqualTo("order-1138");
    }

    @Test
    void opening_an_occupied_locker_for_pickup_keeps_it_locked_until_the_transaction_is_released() {
        DeviceStatus occupied = new DeviceStatus(LOCKED, T0, null, "order-1138", null, null, null);

        Transition opened = machine.apply(occupied, DeviceInput.event(DOOR_OPENED), T0.plusSeconds(5));
        Transition released = machine.apply(occupied, DeviceInput.command(FORCE_UNLOCK), T0.plusSeconds(9));

        assertThat(opened).isInstanceOf(Ignored.class);
        assertThat(opened.status()).isSameAs(occupied);
        assertThat(released.status()).isEqualTo(DeviceStatus.initial(T0.plusSeconds(9)));
    }

    @Test
    void a_door_left_open_past_the_locking_deadline_returns_to_the_booking_and_records_an_anomaly() {
        DeviceStatus booked = new DeviceStatus(BOOKED, T0, null, "order-1", null, null, null);
        DeviceStatus locking = moved(booked, DeviceInput.event(DOOR_OPENED), T0);

        var moves = machine.expireIfDue(locking, T0.plusSeconds(60));

        assertThat(moves).hasSize(1);
        assertThat(moves.get(0).to())
                .isEqualTo(new DeviceStatus(BOOKED, T0.plusSeconds(60), null, "order-1", null, null, null));
        assertThat(moves.get(0).anomalyReason()).isPresent();
    }

    @Test
    void a_booking_without_an_expiry_lasts_the_default_hour_from_the_moment_it_was_accepted() {
        DeviceStatus allocated = moved(DeviceStatus.initial(T0), DeviceInput.command(DeviceCommand.BOOK), T0);

        DeviceStatus booked = moved(allocated, DeviceInput.event(ACKNOWLEDGED), T0.plusSeconds(3));

        assertThat(allocated.timeoutAt()).isEqualTo(T0.plusSeconds(10));
        assertThat(booked.timeoutAt()).isEqualTo(T0.plus(Duration.ofHours(1)));
    }

    @Test
    void a_booking_with_an_expiry_keeps_it_and_expires_to_unlocked() {
        Instant expiry = T0.plus(Duration.ofMinutes(15));
        DeviceStatus allocated = moved(DeviceStatus.initial(T0), DeviceInput.book("s1", BookingExpiry.at(expiry)), T0);
        DeviceStatus booked = moved(allocated, DeviceInput.event(ACKNOWLEDGED), T0.plusSeconds(2));

        assertThat(booked.timeoutAt()).isEqualTo(expiry);
        assertThat(machine.statusAt(booked, expiry.minusMillis(1))).isSameAs(booked);
        assertThat(machine.statusAt(booked, expiry)).isEqualTo(DeviceStatus.initial(expiry));
    }

    @Test
    void a_booking_whose_expiry_has_already_passed_is_refused() {
        DeviceStatus free = DeviceStatus.initial(T0);

        Transition transition = machine.apply(free, DeviceInput.book("s1", BookingExpiry.at(T0)), T0);

        assertThat(transition).isInstanceOf(Refused.class);
        assertThat(transition.status()).isSameAs(free);
    }

    @Test
    void locking_a_booking_keeps_the_booking_holder_and_refuses_another_holder() {
        DeviceStatus booked = new DeviceStatus(BOOKED, T0, null, "s1", null, null, null);

        Transition byOwner = machine.apply(booked, DeviceInput.command(LOCK, "s1"), T0);
        Transition byOther = machine.apply(booked, DeviceInput.command(LOCK, "s2"), T0);

        assertThat(byOwner.status().state()).isEqualTo(ALLOCATED);
        assertThat(byOwner.status().holder()).isEqualTo("s1");
        assertThat(byOther).isInstanceOf(Refused.class);
        assertThat(((Refused) byOther).reason()).doesNotContain("s1");
    }

    @Test
    void a_command_naming_no_holder_acts_for_whoever_holds_the_device() {
        DeviceStatus locked = new DeviceStatus(LOCKED, T0, null, "s1", null, null, null);

        Transition transition = machine.apply(locked, DeviceInput.command(UNLOCK), T0);

        assertThat(transition.status().state()).isEqualTo(DeviceState.UNLOCKING);
        assertThat(transition.status().holder()).isEqualTo("s1");
    }

    @Test
    void a_device_taken_for_no_holder_cannot_be_claimed_by_a_holder_later() {
        DeviceStatus booked = new DeviceStatus(BOOKED, T0, null, null, null, null, null);

        assertThat(machine.apply(booked, DeviceInput.command(CANCEL_BOOKING, "s1"), T0))
                .isInstanceOf(Refused.class);
        assertThat(machine.apply(booked, DeviceInput.command(CANCEL_BOOKING), T0))
                .isInstanceOf(Moved.class);
    }

    @Test
    void an_unacknowledged_lock_of_a_booking_returns_to_the_booking_with_its_original_expiry() {
        Instant expiry = T0.plus(Duration.ofMinutes(30));
        DeviceStatus booked = new DeviceStatus(BOOKED, T0, expiry, "s1", null, null, null);
        DeviceStatus allocated = moved(booked, DeviceInput.command(LOCK, "s1"), T0.plusSeconds(60));

        List<Moved> moves = machine.expireIfDue(allocated, T0.plusSeconds(70));

        assertThat(moves).singleElement().satisfies(move -> {
            assertThat(move.to())
                    .isEqualTo(new DeviceStatus(BOOKED, T0.plusSeconds(70), expiry, "s1", null, null, null));
            assertThat(move.anomalyReason()).isEmpty();
        });
    }

    @Test
    void expiring_applies_every_passed_deadline_in_turn() {
        Instant expiry = T0.plusSeconds(30);
        DeviceStatus locking = new DeviceStatus(LOCKING, T0, T0.plusSeconds(60), "s1", null, BOOKED, expiry);

        List<Moved> moves = machine.expireIfDue(locking, T0.plusSeconds(61));

        assertThat(moves).extracting(move -> move.to().state()).containsExactly(BOOKED, UNLOCKED);
        assertThat(machine.statusAt(locking, T0.plusSeconds(61))).isEqualTo(DeviceStatus.initial(T0.plusSeconds(61)));
    }

    @Test
    void a_timeout_fires_exactly_at_the_deadline_and_not_a_millisecond_before() {
        DeviceStatus unlocking =
                new DeviceStatus(DeviceState.UNLOCKING, T0, T0.plusSeconds(30), "s1", null, null, null);

        assertThat(machine.apply(
                        unlocking, DeviceInput.timeout(), T0.plusSeconds(30).minusMillis(1)))
                .isInstanceOf(Ignored.class);
        assertThat(machine.apply(unlocking, DeviceInput.timeout(), T0.plusSeconds(30)))
                .isInstanceOfSatisfying(Moved.class, move -> {
                    assertThat(move.to().state()).isEqualTo(LOCKED);
                    assertThat(move.to().holder()).isEqualTo("s1");
                    assertThat(move.anomalyReason()).isPresent();
                });
    }

    @Test
    void a_confirmed_release_frees_the_device_and_ends_the_holders_session() {
        DeviceStatus unlocking =
                new DeviceStatus(DeviceState.UNLOCKING, T0, T0.plusSeconds(30), "s1", null, null, null);

        DeviceStatus released = moved(unlocking, DeviceInput.event(RELEASED), T0.plusSeconds(2));

        assertThat(released).isEqualTo(DeviceStatus.initial(T0.plusSeconds(2)));
        assertThat(released.isHeld()).isFalse();
    }

    @Test
    void force_lock_secures_the_device_for_its_current_holder() {
        DeviceStatus locking = new DeviceStatus(LOCKING, T0, T0.plusSeconds(60), "s1", null, UNLOCKED, null);

        DeviceStatus locked = moved(locking, DeviceInput.command(FORCE_LOCK), T0.plusSeconds(1));

        assertThat(locked).isEqualTo(new DeviceStatus(LOCKED, T0.plusSeconds(1), null, "s1", null, null, null));
    }

    @Test
    void force_unlock_of_a_free_device_is_ignored_and_changes_nothing() {
        DeviceStatus free = DeviceStatus.initial(T0);

        assertThat(machine.apply(free, DeviceInput.command(FORCE_UNLOCK), T0.plusSeconds(9))
                        .status())
                .isSameAs(free);
    }

    @Test
    void the_deadlines_come_from_the_configured_timeouts() {
        var timeouts = new DeviceTimeouts(
                Duration.ofSeconds(3), Duration.ofMinutes(5), Duration.ofSeconds(7), Duration.ofSeconds(11));
        var custom = new DeviceStateMachine(timeouts);

        DeviceStatus allocated = custom.apply(DeviceStatus.initial(T0), DeviceInput.command(DeviceCommand.BOOK), T0)
                .status();
        DeviceStatus locking = custom.apply(
                        new DeviceStatus(BOOKED, T0, null, null, null, null, null), DeviceInput.event(DOOR_OPENED), T0)
                .status();
        DeviceStatus unlocking = custom.apply(
                        new DeviceStatus(LOCKED, T0, null, null, null, null, null), DeviceInput.command(UNLOCK), T0)
                .status();

        assertThat(allocated.timeoutAt()).isEqualTo(T0.plusSeconds(3));
        assertThat(allocated.bookingExpiresAt()).isEqualTo(T0.plus(Duration.ofMinutes(5)));
        assertThat(locking.timeoutAt()).isEqualTo(T0.plusSeconds(7));
        assertThat(unlocking.timeoutAt()).isEqualTo(T0.plusSeconds(11));
    }

    private DeviceStatus moved(DeviceStatus status, DeviceInput input, Instant now) {
        Transition transition = machine.apply(status, input, now);
        assertThat(transition).as(status.state() + " + " + input).isInstanceOf(Moved.class);
        return transition.status();
    }
}
