package dev.harbor.domain.device;

import static dev.harbor.domain.device.DeviceState.ALLOCATED;
import static dev.harbor.domain.device.DeviceState.BOOKED;
import static dev.harbor.domain.device.DeviceState.LOCKED;
import static dev.harbor.domain.device.DeviceState.LOCKING;
import static dev.harbor.domain.device.DeviceState.UNLOCKED;
import static dev.harbor.domain.device.DeviceState.UNLOCKING;

import dev.harbor.domain.device.Transition.Moved;
import dev.harbor.domain.device.Transition.Refused;
import dev.harbor.domain.device.TransitionTable.Effect;
import java.time.Instant;

/**
 * The effects the transition table refers to, each building the next status. The holder is
 * only ever set when a free device is taken ({@link #allocated}) and only ever cleared on the way
 * to {@code UNLOCKED}: that is what keeps a device from being held by two holders.
 */
final class Moves {

    private final DeviceTimeouts timeouts;

    Moves(DeviceTimeouts timeouts) {
        this.timeouts = timeouts;
    }

    /** {@code book} or {@code lock}: wait for the acknowledgement, remembering the state before. */
    Effect allocated(DeviceState pending) {
        return (current, input, now) -> {
            var command = (DeviceInput.Command) input;
            Instant deadline = now.plus(timeouts.allocation());
            if (current.state() == UNLOCKED) {
                Instant bookingExpiry = null;
                if (pending == BOOKED) {
                    var expiry = command.expiry();
                    if (expiry instanceof BookingExpiry.At at && !at.expiresAt().isAfter(now)) {
                        return new Refused(
                                current, input, "the booking expiry " + at.expiresAt() + " has already passed");
                    }
                    bookingExpiry = expiryOf(expiry, now);
                }
                return move(
                        current,
                        input,
                        new DeviceStatus(ALLOCATED, now, deadline, command.holder(), pending, UNLOCKED, bookingExpiry));
            }
            // lock from BOOKED: the booking, its holder and its expiry wait in the background.
            return move(
                    current,
                    input,
                    new DeviceStatus(ALLOCATED, now, deadline, current.holder(), pending, BOOKED, current.timeoutAt()));
        };
    }

    /** The acknowledgement completes what {@code ALLOCATED} was waiting for. */
    Effect pendingState() {
        return (current, input, now) -> {
            if (current.pendingState() == BOOKED) {
                return move(
                        current,
                        input,
                        new DeviceStatus(BOOKED, now, current.bookingExpiresAt(), current.holder(), null, null, null));
            }
            return move(current, input, locking(current, now, current.returnState(), current.bookingExpiresAt()));
        };
    }

    /** The Harbor flow: a booked locker's door was opened, the user is placing the item. */
    Effect lockingFromBooking() {
        return (current, input, now) -> move(current, input, locking(current, now, BOOKED, current.timeoutAt()));
    }

    Effect locked() {
        return (current, input, now) ->
                move(current, input, new DeviceStatus(LOCKED, now, null, current.holder(), null, null, null));
    }

    /** Administrative: whatever the state, the item is declared secured; the holder stays. */
    Effect forcedLocked() {
        return locked();
    }

    Effect unlocking() {
        return (current, input, now) -> move(
                current,
                input,
                new DeviceStatus(UNLOCKING, now, now.plus(timeouts.unlocking()), current.holder(), null, null, null));
    }

    /** Free again: the holder's session or transaction is over. */
    Effect unlocked() {
        return (current, input, now) -> move(current, input, DeviceStatus.initial(now));
    }

    /** A timeout in {@code ALLOCATED} or {@code LOCKING}: back to the state before. */
    Effect stateBefore(String anomaly) {
        return (current, input, now) -> {
            DeviceStatus before = current.returnState() == BOOKED
                    ? new DeviceStatus(BOOKED, now, current.bookingExpiresAt(), current.holder(), null, null, null)
                    : DeviceStatus.initial(now);
            return new Moved(current, before, input, anomaly);
        };
    }

    /** A timeout in {@code UNLOCKING}: the release failed, the item is still secured. */
    Effect relocked(String anomaly) {
        return (current, input, now) -> new Moved(
                current, new DeviceStatus(LOCKED, now, null, current.holder(), null, null, null), input, anomaly);
    }

    private DeviceStatus locking(DeviceStatus current, Instant now, DeviceState returnTo, Instant bookingExpiry) {
        return new DeviceStatus(
                LOCKING,
                now,
                now.plus(timeouts.locking()),
                current.holder(),
                null,
                returnTo,
                returnTo == BOOKED ? bookingExpiry : null);
    }

    private Instant expiryOf(BookingExpiry expiry, Instant now) {
        if (expiry instanceof BookingExpiry.At at) {
            return at.expiresAt();
        }
        if (expiry instanceof BookingExpiry.Never) {
            return null;
        }
        return now.plus(timeouts.booking());
    }

    private static Moved move(DeviceStatus from, DeviceInput input, DeviceStatus to) {
        return new Moved(from, to, input);
    }
}
